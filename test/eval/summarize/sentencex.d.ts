// sentencex ships no type declarations; this is the part of its API the evaluation uses.
declare module "sentencex" {
  export function segment(languageCode: string, text: string): string[];
}
