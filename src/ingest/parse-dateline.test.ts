import { describe, expect, it } from "vitest";
import { parseDateline } from "./parse-dateline.js";

describe("parseDateline", () => {
  it.each([
    ["Peking/Moskau – Angesichts des Krieges …", "Peking/Moskau", [], "Angesichts des Krieges …"],
    ["Berlin – Der Bundestag …", "Berlin", [], "Der Bundestag …"],
    ["Frankfurt am Main – Die Börse …", "Frankfurt am Main", [], "Die Börse …"],
    ["Halle an der Saale — Der Stadtrat …", "Halle an der Saale", [], "Der Stadtrat …"],
    ["München - Die Staatsregierung …", "München", [], "Die Staatsregierung …"],
    ["Berlin (dpa) – Die Regierung …", "Berlin", ["dpa"], "Die Regierung …"],
    ["Kiew/Berlin (dpa/AFP) – Die Ukraine …", "Kiew/Berlin", ["dpa", "AFP"], "Die Ukraine …"],
    ["Washington, D.C. – Der Kongress …", "Washington, D.C.", [], "Der Kongress …"],
    ["Berlin – „Wir halten Kurs“, sagte er.", "Berlin", [], "„Wir halten Kurs“, sagte er."],
  ])("%s", (paragraph, dateline, agencies, text) => {
    expect(parseDateline(paragraph)).toEqual({ dateline, agencies, text });
  });

  it.each([
    ["Die USA – und nicht China – bestimmen die Agenda."],
    ["Nach einem Gespräch zwischen Xi und Putin sollen sich die Beziehungen intensivieren."],
    ["Berlin – und das ist neu – setzt auf Gespräche."],
    ["Berlin (nach Angaben der Polizei) – Die Demonstration …"],
    ["Der Bundestag hat entschieden – mit knapper Mehrheit."],
  ])("no dateline in: %s", (paragraph) => {
    expect(parseDateline(paragraph)).toBeNull();
  });
});
