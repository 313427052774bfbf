/**
 * The town and village questions read a place said by part of its name or vaguely ("桃园" for 桃园村,
 * "就是东山那边", "东山的"): one place named whole is taken; one named by a part of its name, or a
 * village named at the town question, is said back for a yes; several are listed and asked again.
 * Null when the text names none of the county's places this way (the list and the sound decide).
 */
import type { StepEnv, StepOutcome } from '../engine/flow';
import type { RegionOption, TownOption } from '../engine/types';
import { placesNamed } from '../parse/place-name';

const nameOf = (r: RegionOption, env: StepEnv) => (env.lang === 'en' && r.nameEn) || r.name;

function which(names: string[], env: StepEnv): StepOutcome {
  return { kind: 'retry', hint: env.t('heard.place.which', { names: names.join(env.t('summary.list_separator')) }), understood: true };
}

function saidBack(patch: Record<string, string>, name: string): StepOutcome {
  return { kind: 'confirm', patch, ask: { key: 'heard.place.sounds_like', params: { name } } };
}

/** At the town question: a town by its name or part of it, else a village of the county (its town with it). */
export function townByName(text: string, env: StepEnv): StepOutcome | null {
  const towns = placesNamed(text, env.ctx.towns);
  const oneTown = (found: TownOption[], exact: boolean) => (exact ? { kind: 'answer', patch: { townCode: found[0].code } } as StepOutcome : saidBack({ townCode: found[0].code }, nameOf(found[0], env)));
  if (towns.exact.length === 1) return oneTown(towns.exact, true);
  if (towns.exact.length > 1) return which(towns.exact.map((t) => nameOf(t, env)), env);
  const villages = env.ctx.towns.flatMap((town) => {
    const v = placesNamed(text, town.villages);
    // a village's whole name ("柳树村") is read with its town by the folded question, or as the village at the summary
    if (v.exact.some((x) => x.name === v.said)) return [];
    return [...v.exact, ...v.partial].map((village) => ({ town, village, exact: v.exact.includes(village) }));
  });
  // a town by part of its name, or a village of the county: said back (the village with its town)
  const exactVillages = villages.filter((v) => v.exact);
  const candidates = [...towns.partial.map((t) => ({ town: t, village: undefined })), ...(exactVillages.length > 0 ? exactVillages : villages)];
  if (candidates.length === 0) return null;
  if (candidates.length > 1) return which(candidates.map((c) => (c.village ? `${nameOf(c.town, env)}${nameOf(c.village, env)}` : nameOf(c.town, env))), env);
  const [c] = candidates;
  return c.village ? saidBack({ townCode: c.town.code, villageCode: c.village.code }, nameOf(c.village, env)) : oneTown([c.town], false);
}

/** At the village question: a village of the chosen town by its name or part of it. */
export function villageByName(text: string, env: StepEnv): StepOutcome | null {
  const villages = env.ctx.towns.find((town) => town.code === env.answers.townCode)?.villages ?? [];
  const found = placesNamed(text, villages);
  if (found.exact.length === 1) return { kind: 'answer', patch: { villageCode: found.exact[0].code } };
  const list = found.exact.length > 1 ? found.exact : found.partial;
  if (list.length > 1) return which(list.map((v) => nameOf(v, env)), env);
  if (list.length === 1) return saidBack({ villageCode: list[0].code }, nameOf(list[0], env));
  // an edit from the summary ("村选错了，是西河村") goes on through the town, which takes both at once
  return env.answers.villageCode === undefined ? inOtherTown(text, env) : null;
}

/** "桃园村" while 东山镇 was chosen: the one village of another town named whole — its town said, the switch asked for a yes. */
function inOtherTown(text: string, env: StepEnv): StepOutcome | null {
  const found = env.ctx.towns
    .filter((town) => town.code !== env.answers.townCode)
    .flatMap((town) => placesNamed(text, town.villages).exact.map((village) => ({ town, village })));
  if (found.length !== 1) return null;
  const [{ town, village }] = found;
  const chosen = env.ctx.towns.find((t) => t.code === env.answers.townCode);
  return {
    kind: 'confirm',
    patch: { townCode: town.code, villageCode: village.code },
    ask: { key: 'heard.place.other_town', params: { village: nameOf(village, env), town: nameOf(town, env), chosen: chosen ? nameOf(chosen, env) : '' } },
  };
}
