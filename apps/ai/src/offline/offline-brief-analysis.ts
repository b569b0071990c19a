import type { AnalyseBriefData, BriefAnalysis } from "@studio/events";

/** Every offline summary starts with this, so nobody mistakes it for a model's reading. */
export const OFFLINE_SUMMARY_PREFIX = "OFFLINE PLACEHOLDER, not an AI analysis (no model is configured).";

// Words that usually name something a studio hands over.
const DELIVERABLE_WORDS =
  /\b(visuals?|key ?visuals?|loops?|videos?|films?|animations?|logos?|banners?|posters?|ads?|adverts?|illustrations?|icons?|photos?|photography|shoots?|decks?|presentations?|brochures?|flyers?|packaging|labels?|websites?|landing pages?|pages?|copy|scripts?|storyboards?|guidelines|templates?|posts?|stories|reels?|thumbnails?|mock-?ups?|renders?|assets?)\b/i;
const RUSH_WORDS = /\b(urgent|asap|rush|tomorrow|tonight|deadline|end of (?:the )?week|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;
const OPEN_WORDS = /\b(tbc|tbd|not (?:yet )?(?:final|decided|confirmed)|maybe|unclear|to be confirmed)\b/i;

/**
 * The offline stand-in for analyse-brief: a deterministic reading of the brief's own words, with
 * no model involved. Deliverables are the brief's clauses that name a deliverable; the estimate is
 * a rule of thumb with low confidence. The summary and the first risk say it is a placeholder.
 */
export function offlineBriefAnalysis(brief: Pick<AnalyseBriefData, "encrypted">): BriefAnalysis {
  const { title, description } = brief.encrypted;
  const clauses = description
    .split(/(?:[.;!?\n]+|,\s+| and | plus )/i)
    .map((c) => c.trim())
    .filter((c) => c.length > 2);
  const named = clauses.filter((c) => DELIVERABLE_WORDS.test(c));
  const deliverables = unique(named.length ? named : [clauses[0] ?? title]).slice(0, 10).map((d) => clip(capitalise(d), 500));

  const risks = ["Offline placeholder: no model has reviewed this brief; re-run the analysis with a provider configured."];
  if (description.length < 120) risks.push("The brief is short; scope and formats may be unclear.");
  if (RUSH_WORDS.test(description)) risks.push("The brief mentions a tight timeline.");
  if (OPEN_WORDS.test(description)) risks.push("Parts of the brief are marked as not final.");
  if (!/\bbudget\b|[$€£]\s?\d/i.test(description)) risks.push("No budget is mentioned.");

  const words = description.split(/\s+/).filter(Boolean).length;
  const hours = 4 + deliverables.length * 8 + Math.round(words / 25);
  const firstSentence = clip(description.split(/(?<=[.!?])\s/)[0] ?? description, 300);

  return {
    summary: clip(`${OFFLINE_SUMMARY_PREFIX} "${title}": ${firstSentence}`, 2000),
    deliverables,
    risks,
    estimate: { hours, confidence: "low" },
  };
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
