import { describe, expect, it } from "vitest";
import { recognizeBoilerplate, stripGluedLeftovers } from "./recognize-boilerplate.js";

describe("recognizeBoilerplate", () => {
  it.each([
    ["Kommentare", "line"],
    ["KommentareDrucken", "line"],
    ["TeilenDruckenKommentare", "line"],
    ["Teilen | Drucken", "line"],
    ["Drucken", "line"],
    [
      "Das Wichtigste aus der Politik: Ausgewählt von unserer Politikredaktion und um 7:30 Uhr verschickt – jetzt kostenlos anmelden.",
      "line",
    ],
    ["Lesen Sie auch: Scholz reist nach Kiew", "line"],
    ["Auch interessant", "block"],
    ["Mehr zum Thema:", "block"],
    ["Verlagsangebot", "block"],
    ["ePaper", "block"],
    ["VerlagsangebotJetzt das ePaper lesen", "block"],
    ["Rubriklistenbild: © dpa", "end"],
    ["Zur Startseite", "end"],
  ] as const)("%s → %s", (line, kind) => {
    expect(recognizeBoilerplate(line)).toBe(kind);
  });

  it.each([
    ["Xi Jinping und Wladimir Putin wollen russisch-chinesische Beziehungen weiter ausbauen"],
    ["Kommentare von Politikern ließen nicht lange auf sich warten."],
    ["Die Partei will Mitglieder mit einer Kampagne zum Eintritt bewegen."],
    [
      `Wer wählen will, muss sich jetzt anmelden, sagte der Wahlleiter. ${"Die Frist endet im Mai. ".repeat(10)}`,
    ],
    [""],
  ])("article text: %s", (line) => {
    expect(recognizeBoilerplate(line)).toBeNull();
  });
});

describe("stripGluedLeftovers", () => {
  it.each([
    ["Von: Nail AkkoyunKommentare", "Von: Nail Akkoyun"],
    ["Von: A B mit dpa/AFPKommentare", "Von: A B mit dpa/AFP"],
    ["Erstellt: 07.05.2024, 16:20 UhrKommentareDrucken", "Erstellt: 07.05.2024, 16:20 Uhr"],
    ["Sie haben sich verständigt.TeilenDrucken", "Sie haben sich verständigt."],
    ["KommentareNach einem Gespräch", "Nach einem Gespräch"],
    ["Die Regierung will das mitteilen", "Die Regierung will das mitteilen"],
    ["XML-Dateien und E-Mails", "XML-Dateien und E-Mails"],
    ["Die Kommentare", "Die Kommentare"],
  ])("%s → %s", (line, expected) => {
    expect(stripGluedLeftovers(line)).toBe(expected);
  });
});
