import { describe, expect, it } from "vitest";
import { classifySendError } from "./classify-send-error.js";

const smtpError = (responseCode: number, response: string, code = "EENVELOPE") =>
  Object.assign(new Error("Can't send mail"), { code, responseCode, response });

describe("classifySendError", () => {
  it.each([
    [smtpError(421, "421 4.3.2 service shutting down", "EMESSAGE"), "transient"],
    [smtpError(450, "450 4.2.1 mailbox busy"), "transient"],
    [smtpError(451, "451 4.3.0 try again later"), "transient"],
    [smtpError(452, "452 4.5.3 too many recipients"), "transient"],
    [smtpError(550, "550 5.1.1 user unknown"), "permanent"],
    [smtpError(552, "552 5.3.4 message too big", "EMESSAGE"), "permanent"],
    [smtpError(535, "535 5.7.8 authentication failed", "EAUTH"), "fatal"],
    [smtpError(530, "530 5.7.0 must issue STARTTLS first"), "fatal"],
    [Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" }), "transient"],
    [Object.assign(new Error("Timeout"), { code: "ETIMEDOUT" }), "transient"],
    [Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "transient"],
    [Object.assign(new Error("no space left on device"), { code: "ENOSPC" }), "fatal"],
    [new Error("something odd"), "transient"],
  ])("%s → %s", (error, kind) => {
    expect(classifySendError(error).kind).toBe(kind);
  });

  it("keeps the server's reply as the response, on one line", () => {
    expect(classifySendError(smtpError(550, "550 5.1.1 <a@x.de>:\n user unknown")).response).toBe(
      "550 5.1.1 <a@x.de>: user unknown",
    );
  });
});
