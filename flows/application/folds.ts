/**
 * How the answers to the questions the chat asks together (engine/fold.ts) are cut in two, each
 * part then read by its own question's reader:
 *   name + ID number        "张三 11010519491231002X"
 *   town + village          "柳树村", "东山镇柳树村" (a village says its town)
 *   household + income      "4口人，一年两万", "就我一个，没收入"
 *   illness + hospital      "在县医院看的肺癌", "肺癌，县人民医院"
 *   total + reimbursed      "总共花了五万，报了两万", "5万，还没报" (and loss + compensation, cost + aid)
 *   stage + school          "高二，县一中", "在县一中读高一"
 * A cut returns null when the answer holds only the step's own part (read as usual).
 */
import { findHospital, findSchool, illnessAround, normalizeInput, splitByTopic, withoutFinished } from '../parse';
import { twoHospitals } from '../parse/hospital';
import { namesNoIllness } from '../parse/illness-names';
import { TOPIC_WORDS } from '../parse/amount-words';
import type { StepEnv } from '../engine/flow';
import { EN_ID_LABEL } from '../parse/id-number';
import type { RegionOption } from '../engine/types';

export type Parts = { own?: string; other?: string } | null;

/** An ID number in a longer answer: 15 or more digits (an X last), spaces and dashes between groups. */
const ID_LIKE = /[0-9][0-9\s-]{13,}[0-9xX]/u;
/** Said between a name and its ID number ("张三，身份证号是1101…"). */
const ID_LEAD = /(?:我的)?(?:身份证号码|身份证号|身份证|号码)(?:是|为)?[:\s]*$/u;
/** The same in English ("Li Guilan, my ID number is 4305…"). */
const EN_ID_LEAD = new RegExp(`[,\\s]*${EN_ID_LABEL.source}$`, 'iu');
const SEPARATORS = /[\s,.;:!?~、，。；：！？]+/gu;

/** "张三 11010519491231002X" → the name and the ID number. */
export function splitNameId(text: string): Parts {
  const s = normalizeInput(text);
  const m = ID_LIKE.exec(s);
  if (!m) return null;
  const name = `${s.slice(0, m.index).replace(ID_LEAD, '').replace(EN_ID_LEAD, '')} ${s.slice(m.index + m[0].length)}`.replace(SEPARATORS, ' ').trim();
  return { own: name === '' ? undefined : name, other: m[0] };
}

/** "柳树村", "东山镇柳树村": a village of the county, named once, says its town; not when another town is named too. */
export function splitTownVillage(text: string, env: StepEnv): Parts {
  const s = normalizeInput(text).toLowerCase();
  const named = (r: RegionOption) => [r.name, ...(r.nameEn ? [r.nameEn] : [])].some((n) => n.length >= 2 && s.includes(n.toLowerCase()));
  const hits = env.ctx.towns.flatMap((town) => town.villages.filter(named).map((village) => ({ town, village })));
  if (hits.length !== 1) return null;
  const [{ town, village }] = hits;
  if (env.ctx.towns.some((t) => t !== town && named(t))) return null;
  return { own: town.name, other: village.name };
}

/** A sum with its unit ("两万", "3000元"). */
const SUM = /[0-9零一二两三四五六七八九十百千万]\s*(?:万|千|元|块)/u;
/** Words of income ("收入", "挣", "打工"). */
const INCOME_WORDS = new RegExp(TOPIC_WORDS.income.join('|'), 'u');
/** A clause about money coming in: a sum, or words of income with a figure or a "nothing" ("打工挣三千", "没收入"); not "儿子在外打工". */
const isIncome = (c: string) =>
  SUM.test(c) || /^[0-9]{3,}$/u.test(c) || (INCOME_WORDS.test(c) && /[0-9零一二两三四五六七八九十没无]/u.test(c.replace(PEOPLE_COUNTED, ''))) || EN_INCOME.test(c);
/** People counted in a clause ("两个在外打工", "俩孩子打工"): no figure of income. */
const PEOPLE_COUNTED = /[0-9一二两俩三仨四五六七八九十]+(?:个人|个(?!月)|口人|口|人)|俩|仨/gu;
/** In English: a sum with its unit, or "no income" ("20000 yuan", "30 thousand", "no income"). */
const EN_INCOME = /^(?:[0-9][0-9,.]*\s*(?:yuan|thousand|k|rmb)|no income|none|nothing)$|\bincome\b|\bearn/iu;
/** The end of a count of people, where an income may follow without a comma ("4口人2万"). */
const COUNT_END = /(?:口人|个人|口|人)(?=[^口人])/u;
/** English clauses: split at punctuation only ("4 people, about 20000 a year"). */
const EN_SEPARATORS = /\s*[,;，；]\s*/u;

/** "4口人，一年两万" → the household and the income; null when no clause is about income. */
export function splitHouseholdIncome(text: string): Parts {
  if (/[a-z]{2}/iu.test(text)) {
    const parts = normalizeInput(text).split(EN_SEPARATORS).filter((c) => c !== '');
    const income = parts.filter((c) => isIncome(c) || /^(?:about |around |roughly )?[0-9][0-9,.]*(?: ?(?:yuan|thousand|k))?(?: (?:a|per) year)?$/iu.test(c) && !/^[0-9]{1,2}$/u.test(c));
    if (income.length === 0) return null;
    const rest = parts.filter((c) => !income.includes(c));
    return { own: rest.length > 0 ? rest.join(', ') : undefined, other: income.join(', ') };
  }
  const clauses = normalizeInput(text)
    .split(SEPARATORS)
    .flatMap((c) => {
      const m = COUNT_END.exec(c);
      return m ? [c.slice(0, m.index + m[0].length), c.slice(m.index + m[0].length)] : [c];
    })
    .filter((c) => c !== '');
  const income = clauses.filter(isIncome);
  if (income.length === 0) return null;
  const rest = clauses.filter((c) => !income.includes(c));
  return { own: rest.length > 0 ? rest.join(',') : undefined, other: income.join(',') };
}

/** "在县医院看的肺癌" → the illness and the hospital; the illness only when at least two characters are left. */
export function splitIllnessHospital(text: string): Parts {
  const h = findHospital(text);
  if (!h) {
    // "肺癌，先在县医院后来转到省人民医院": the illness before the first; the hospitals go to their question
    const two = twoHospitals(text);
    if (!two) return null;
    const s = normalizeInput(text);
    const at = s.indexOf(two.first);
    const illness = illnessAround(s.slice(0, at), '');
    return { own: Array.from(illness).length >= 2 && !namesNoIllness(illness) ? illness : undefined, other: s.slice(at) };
  }
  const illness = illnessAround(h.before, h.after);
  return { own: Array.from(illness).length >= 2 && !namesNoIllness(illness) ? illness : undefined, other: h.name };
}

/**
 * "在县一中读高一" → the stage and the school. The stage reads the whole answer ("县职高二年级" is a
 * vocational senior grade, not the primary "二年级"); the school is the name in it.
 */
export function splitStageSchool(text: string): Parts {
  // "原来在镇小学，后来转到县城读初一": the school is the one of now, not the one left
  const now = withoutFinished(text);
  const school = now === '' ? null : findSchool(now ?? text);
  return school ? { own: text, other: school } : null;
}

/** "总共花了五万，报了两万" → the total and what was reimbursed (or the loss and the compensation, the cost and the aid). */
export function splitCostReceived(text: string): Parts {
  const parts = splitByTopic(text, 'received');
  return parts && { own: parts.rest, other: parts.about };
}
