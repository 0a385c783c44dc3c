import { describe, expect, it } from "vitest";
import { assessSentence } from "./assess-sentence.js";

describe("assessSentence", () => {
  it.each([
    ["Dabei soll es sich um das zweite Telefonat gehandelt haben.", true],
    ["Darüber hinaus plant der Präsident eine Reise nach Peking.", true],
    ["Er lehnte das Angebot der Opposition am Mittwoch ab.", true],
    ["Sie fordert mehr Geld für die Bundeswehr und die Polizei.", true],
    ["Das sei ein schwerer Fehler der Regierung gewesen.", true],
    ["Das Kabinett beschloss am Mittwoch den Haushalt für 2025.", false],
    ["Die künftige Zusammenarbeit beschränkt sich auf die Wirtschaft.", false],
    ["Es gibt keine Einigung zwischen Bund und Ländern.", false],
    ["Eine militärische Beteiligung Chinas scheint unwahrscheinlich.", false],
  ])("dangling: %s → %s", (sentence, dangling) => {
    expect(assessSentence(sentence).dangling).toBe(dangling);
  });

  it.each([
    ["„Wir werden das nicht hinnehmen.“", true],
    ["„Wir werden das nicht hinnehmen“, sagte Scholz am Abend.", false],
    ["„Wir investieren in die Zukunft“, sagte er.", true],
    ["„Das ist nicht akzeptabel“, so die Sprecherin.", false],
    ["„Es wurde vereinbart, die Zusammenarbeit auszubauen“, erklärte der Kreml.", false],
    ["Der Kanzler sagte: „Wir werden das nicht hinnehmen.“", false],
  ])("speakerless quote: %s → %s", (sentence, speakerless) => {
    expect(assessSentence(sentence).speakerlessQuote).toBe(speakerless);
  });

  it.each([
    ["Was bedeutet das für die Rente der Deutschen?", "question"],
    ["Neue Regeln ab Januar", "fragment"],
    ["Das Wichtigste aus der Politik – jetzt kostenlos anmelden.", "boilerplate"],
  ] as const)("%s → %s", (sentence, trait) => {
    expect(assessSentence(sentence)[trait]).toBe(true);
  });
});
