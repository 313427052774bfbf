/**
 * One question of the server's form, drawn for an elderly villager: the label large, the
 * question and an example, then a big input or big buttons to tap. Money is typed in yuan, as
 * figures or words ("两万4"), and repeated below as understood ("就是 24,000元") so a missing
 * zero shows at once.
 */
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { shanghaiDate } from '../../../flows/china-time';
import type { AnswerValue, Answers } from '../lib/form-state';
import { optionsFor } from '../lib/form-state';
import { money } from '../lib/i18n';
import { yuanToFen } from '../lib/money';
import type { FieldOption, FormField } from '../lib/types';
import { useApp } from '../state/use-app';

interface Props {
  field: FormField;
  answers: Answers;
  /** The question with earlier answers filled in (a `dynamic` field), from the server's check. */
  question?: string;
  error?: string;
  /** An amount in words ("两万4") as the server's check read it, for the text it was given. */
  understood?: { input: string; text: string };
  onChange: (value: AnswerValue) => void;
}

/** Options as buttons up to this many; a scrolling picker beyond. */
const MAX_BUTTONS = 12;

export function Field({ field, answers, question, error, understood, onChange }: Props) {
  const { t } = useApp();
  const value = answers[field.name];
  const text = typeof value === 'string' ? value : '';
  const q = question ?? field.question;

  return (
    <View className={`field${error ? ' field-error' : ''}`} data-testid={`field-${field.name}`} id={`field-${field.name}`}>
      <View className='label'>{field.label}</View>
      {q && q !== field.label && field.kind !== 'consent' && <View className='question'>{q}</View>}
      {field.example && <View className='example'>{t('app.form.example', { example: field.example })}</View>}
      <Control field={field} answers={answers} value={value} text={text} onChange={onChange} />
      {field.kind === 'money' && <AmountEcho name={field.name} text={text} understood={understood} />}
      {field.help && <View className='help'>{field.help}</View>}
      {error && <Text className='error-text' data-testid={`error-${field.name}`}>{error}</Text>}
    </View>
  );
}

/**
 * "就是 24,000元" under an amount: figures are read here at once; words ("两万4", "一万二") by the
 * chat's parser on the server (the form's check, a moment after typing). Always rendered as one
 * element, so the page's elements never shift around it.
 */
function AmountEcho(props: { name: string; text: string; understood?: { input: string; text: string } }) {
  const { t, lang } = useApp();
  const fen = yuanToFen(props.text);
  const shown = fen !== null ? money(lang, fen) : props.understood && props.understood.input === props.text.trim() ? props.understood.text : null;
  return (
    <View className='amount-echo' data-testid={`amount-${props.name}`}>
      {shown === null ? '' : t('app.apply.amount_is', { amount: shown })}
    </View>
  );
}

function Control(props: { field: FormField; answers: Answers; value: AnswerValue | undefined; text: string; onChange: (v: AnswerValue) => void }) {
  const { field, answers, value, text, onChange } = props;
  const { t } = useApp();
  const testId = `input-${field.name}`;
  const onInput = (e: { detail: { value: string } }) => onChange(e.detail.value);
  const max = field.constraints?.maxLength;

  switch (field.kind) {
    case 'name':
    case 'text':
      return <Input className='input' data-testid={testId} type='text' maxlength={max ?? 50} value={text} onInput={onInput} />;
    case 'id_number':
      return <Input className='input' data-testid={testId} type='idcard' maxlength={22} value={text} onInput={onInput} />;
    case 'phone':
      return <Input className='input' data-testid={testId} type='number' maxlength={13} value={text} onInput={onInput} />;
    case 'integer':
      return (
        <View className='input-row'>
          <Input className='input input-short' data-testid={testId} type='number' maxlength={6} value={text} onInput={onInput} />
          {field.unit && <Text className='unit'>{field.unit}</Text>}
        </View>
      );
    case 'money':
      return (
        <View className='input-row'>
          {/* text, not a number box: "两万4" and "2.4万" are amounts too (read by the chat's parser, lib/money.ts) */}
          <Input className='input input-short' data-testid={testId} type='text' maxlength={20} value={text} onInput={onInput} />
          <Text className='unit'>{t('app.apply.yuan')}</Text>
        </View>
      );
    case 'date': {
      const today = shanghaiDate(new Date());
      return (
        <Picker mode='date' value={text || today} end={today} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`input picker${text ? '' : ' placeholder'}`} data-testid={testId}>{text || t('app.apply.pick')}</View>
        </Picker>
      );
    }
    case 'consent':
      return (
        <View>
          <View className='consent-text'>{field.question}</View>
          <Button
            className={`btn ${value === true ? 'btn-chosen' : 'btn-primary'}`}
            data-testid={`consent-${field.name}`}
            onClick={() => onChange(value !== true)}
          >
            {value === true ? `✓ ${t('app.form.agreed')}` : field.agreeLabel ?? t('consent.agreed')}
          </Button>
        </View>
      );
    case 'choice':
    case 'yesno':
    case 'region': {
      const options = optionsFor(field, answers);
      if (field.optionsBy && options.length === 0) return <View className='note'>{t('app.apply.pick_town_first')}</View>;
      if (options.length > MAX_BUTTONS) return <LongPicker field={field} options={options} value={value} onChange={onChange} />;
      return (
        <View className={`options${options.length === 2 && field.kind === 'yesno' ? ' options-two' : ''}`}>
          {options.map((o) => (
            <Button
              key={String(o.value)}
              className={`option${o.value === value ? ' option-chosen' : ''}`}
              data-testid={`option-${field.name}-${String(o.value)}`}
              onClick={() => onChange(o.value)}
            >
              {o.value === value ? `✓ ${o.label}` : o.label}
            </Button>
          ))}
        </View>
      );
    }
  }
}

function LongPicker(props: { field: FormField; options: FieldOption[]; value: AnswerValue | undefined; onChange: (v: AnswerValue) => void }) {
  const { t } = useApp();
  const index = props.options.findIndex((o) => o.value === props.value);
  return (
    <Picker
      mode='selector'
      range={props.options.map((o) => o.label)}
      value={Math.max(0, index)}
      onChange={(e) => props.onChange(props.options[Number(e.detail.value)].value)}
    >
      <View className={`input picker${index < 0 ? ' placeholder' : ''}`} data-testid={`input-${props.field.name}`}>
        {index < 0 ? t('app.apply.pick') : props.options[index].label}
      </View>
    </Picker>
  );
}
