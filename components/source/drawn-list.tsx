/**
 * Everything the pack draws from the document. Each item is a real link to this page with
 * its quote (so it can be opened in a new tab or bookmarked); a plain click highlights the
 * quote in place instead of reloading.
 */
import type { DrawnGroup, DrawnItem, SourceParams } from '../../lib/source/source-model';
import { sourceSearch } from '../../lib/source/source-model';
import { t } from '../../lib/i18n';

export interface DrawnListProps {
  groups: DrawnGroup[];
  params: SourceParams;
  onShow(item: DrawnItem): void;
}

function plainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function DrawnList({ groups, params, onShow }: DrawnListProps) {
  if (groups.length === 0) return <p>{t('drawnNothing')}</p>;
  return (
    <>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`drawn-${group.id}`}>
          <h3 id={`drawn-${group.id}`}>{group.label}</h3>
          <ul>
            {group.items.map((item) => {
              const current = item.found && params.quote === item.quote;
              return (
                <li key={item.key}>
                  <p class="drawn-text">{item.text}</p>
                  {item.detail !== undefined && <p class="drawn-detail">{item.detail}</p>}
                  {item.found ? (
                    <a
                      href={sourceSearch({ ...params, quote: item.quote })}
                      aria-current={current ? 'true' : undefined}
                      onClick={(e) => {
                        if (!plainClick(e)) return;
                        e.preventDefault();
                        onShow(item);
                      }}
                    >
                      {current ? t('drawnShown') : t('drawnShow')}
                    </a>
                  ) : (
                    <p class="drawn-detail">{t('drawnNotInText')}</p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
