/**
 * Photos of one paper: what was taken, each with its upload progress, "send again" when it
 * failed and "delete"; a big button to take or choose more. In the browser the button opens a
 * file input (kept in the page, so tests and WeChat's in-app browser can reach it).
 */
import { Button, Image, Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { DraftDocument } from '../lib/form-state';
import { choosePhotosWeapp, compressFileH5, type PickedPhoto } from '../platform/photos';
import { useApp } from '../state/use-app';

interface Props {
  item: string;
  /** The paper's name; none when the button says it all. */
  label?: string;
  note?: string;
  docs: DraftDocument[];
  onAdd: (photos: PickedPhoto[]) => void;
  onRetry: (localId: string) => void;
  onRemove: (localId: string) => void;
  addLabel?: string;
}

export function Photos(props: Props) {
  const { t } = useApp();
  const input = useRef<HTMLInputElement | null>(null);

  async function add() {
    if (process.env.TARO_ENV === 'h5') {
      input.current?.click();
      return;
    }
    const photos = await choosePhotosWeapp();
    if (photos.length) props.onAdd(photos);
  }

  async function picked(files: FileList | null) {
    if (!files || files.length === 0) return;
    const photos = await Promise.all(Array.from(files).map((f) => compressFileH5(f)));
    if (input.current) input.current.value = '';
    props.onAdd(photos);
  }

  return (
    <View className='card photos' data-testid={`photos-${props.item}`}>
      {props.label && <View className='card-title'>{props.label}</View>}
      {props.note && <View className='note'>{props.note}</View>}
      {props.docs.map((d) => (
        <View className='photo' key={d.localId} data-testid={`photo-${props.item}`} data-status={d.status}>
          {d.status !== 'failed' || d.error !== 'app.upload.lost' ? <Image className='thumb' src={d.filePath} mode='aspectFill' /> : <View className='thumb' />}
          <View className='photo-state'>
            {d.status === 'uploading' && (
              <View>
                <Text>{t('app.upload.uploading', { p: d.progress })}</Text>
                <View className='progress'><View className='progress-bar' style={{ width: `${d.progress}%` }} /></View>
              </View>
            )}
            {d.status === 'done' && <Text className='ok-text'>✓ {t('app.upload.done')}</Text>}
            {d.status === 'failed' && (
              <View>
                <Text className='error-text'>{t('app.upload.failed')}</Text>
                {d.error && <View className='error-small'>{d.error.startsWith('app.') ? t(d.error) : d.error}</View>}
                <Button className='btn btn-small btn-primary' data-testid='photo-retry' onClick={() => props.onRetry(d.localId)}>
                  {t('app.upload.retry')}
                </Button>
              </View>
            )}
            {d.status !== 'uploading' && (
              <Button className='btn btn-small btn-plain' data-testid='photo-remove' onClick={() => props.onRemove(d.localId)}>
                {t('app.upload.remove')}
              </Button>
            )}
          </View>
        </View>
      ))}
      <Button className='btn btn-secondary' data-testid={`photo-add-${props.item}`} onClick={add}>
        ＋ {props.addLabel ?? t('app.upload.take')}
      </Button>
      {process.env.TARO_ENV === 'h5' && (
        <input
          ref={input}
          className='file-input'
          data-testid={`photo-input-${props.item}`}
          type='file'
          accept='image/*,application/pdf'
          multiple
          onChange={(e) => void picked(e.currentTarget.files)}
        />
      )}
    </View>
  );
}
