import { describe, expect, it } from "vitest";
import {
  explainInvalidEmail,
  normalizeEmail,
  parseCsvHeader,
  parseCsvRecipient,
  parseJsonRecipient,
  splitCsvRecord,
} from "./parse-recipient.js";

describe("explainInvalidEmail", () => {
  it.each([
    ["anna@example.de"],
    ["anna.schulz+politik@mail.example.co.uk"],
    ["o'brien@example.ie"],
    ["x@xn--mnchen-3ya.de"],
  ])("accepts %s", (email) => {
    expect(explainInvalidEmail(email)).toBeNull();
  });

  it.each([
    ["", /empty/],
    ["anna", /not an email address/],
    ["@example.de", /not an email address/],
    ["anna@", /not an email address/],
    ["anna@example", /has no dot/],
    ["anna schulz@example.de", /not allowed before the @/],
    ["anna..schulz@example.de", /not allowed before the @/],
    ["jürgen@example.de", /not allowed before the @/],
    ["anna@-example.de", /not a valid host name/],
    ["anna@example.d", /not a valid host name/],
    [`${"a".repeat(65)}@example.de`, /longer than 64/],
  ])("rejects %j", (email, reason) => {
    expect(explainInvalidEmail(email)).toMatch(reason);
  });
});

describe("splitCsvRecord", () => {
  it.each([
    ["a@x.de,Anna", ",", ["a@x.de", "Anna"]],
    ['a@x.de,"Schulz, Anna"', ",", ["a@x.de", "Schulz, Anna"]],
    ['a@x.de,"Der ""Chef"""', ",", ["a@x.de", 'Der "Chef"']],
    ["a@x.de;Jürgen Groß;Berlin", ";", ["a@x.de", "Jürgen Groß", "Berlin"]],
    ['a@x.de,"zwei\nZeilen"', ",", ["a@x.de", "zwei\nZeilen"]],
    ["a@x.de,,", ",", ["a@x.de", "", ""]],
    [" a@x.de , Anna ", ",", ["a@x.de", "Anna"]],
  ])("splits %j", (line, delimiter, fields) => {
    expect(splitCsvRecord(line, delimiter)).toEqual(fields);
  });

  it("asks for the next line while a quoted field is open", () => {
    expect(splitCsvRecord('a@x.de,"Anna', ",")).toBeNull();
  });
});

describe("parseCsvHeader", () => {
  it.each([
    ["email,name", ",", ["email", "name"]],
    ["\uFEFFE-Mail;Name;Ressort", ";", ["email", "name", "ressort"]],
    ["Name,E-Mail-Adresse", ",", ["name", "email"]],
    ["EMAIL", ",", ["email"]],
  ])("reads %j", (line, delimiter, columns) => {
    expect(parseCsvHeader(line)).toEqual({ ok: true, delimiter, columns });
  });

  it("names the missing email column", () => {
    const result = parseCsvHeader("anna@example.de,Anna");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/no "email" column/);
  });

  it("refuses a column named twice", () => {
    expect(parseCsvHeader("email,name,Name")).toMatchObject({ ok: false });
  });
});

describe("parseCsvRecipient", () => {
  it("lower-cases the address, keeps the name and extra fields", () => {
    expect(
      parseCsvRecipient(["email", "name", "ressort"], ["Anna.Schulz@Example.DE", "Anna Schulz", "Innen"]),
    ).toEqual({
      ok: true,
      recipient: { email: "anna.schulz@example.de", name: "Anna Schulz", fields: { ressort: "Innen" } },
    });
  });

  it("turns an empty name into null and strips control characters", () => {
    expect(parseCsvRecipient(["email", "name"], ["a@x.de", "  "])).toMatchObject({
      recipient: { name: null },
    });
    expect(parseCsvRecipient(["email", "name"], ["a@x.de", "Anna\u0007\nSchulz"])).toMatchObject({
      recipient: { name: "Anna Schulz" },
    });
  });

  it("reports a row with more fields than the header", () => {
    expect(parseCsvRecipient(["email"], ["a@x.de", "surplus"])).toMatchObject({ ok: false });
  });
});

describe("parseJsonRecipient", () => {
  it.each([
    ['{"email":"Anna@Example.de","name":"Anna"}', { email: "anna@example.de", name: "Anna", fields: {} }],
    ['{"E-Mail":"a@x.de","plz":10115}', { email: "a@x.de", name: null, fields: { plz: "10115" } }],
  ])("reads %s", (line, recipient) => {
    expect(parseJsonRecipient(line)).toEqual({ ok: true, recipient });
  });

  it.each([
    ["{not json", /not valid JSON/],
    ['["a@x.de"]', /expected a JSON object/],
    ['{"name":"Anna"}', /email is empty/],
    ['{"email":"a@x.de","tags":["x"]}', /must be text/],
  ])("rejects %s", (line, reason) => {
    const result = parseJsonRecipient(line);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(reason);
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases (the list dedupes case-insensitively)", () => {
    expect(normalizeEmail("  Anna.Schulz@Example.DE ")).toBe("anna.schulz@example.de");
  });
});
