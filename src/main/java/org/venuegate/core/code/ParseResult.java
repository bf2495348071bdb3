package org.venuegate.core.code;

/** Either a parsed code or why the text is not one. Parsing never throws for any input. */
public record ParseResult(ParsedCode code, Problem problem, String detail) {
    public enum Problem { NOT_VENUEGATE, UNSUPPORTED_VERSION, MALFORMED, TOO_LARGE }

    static ParseResult ok(ParsedCode code) {
        return new ParseResult(code, null, null);
    }

    static ParseResult fail(Problem problem, String detail) {
        return new ParseResult(null, problem, detail);
    }

    public boolean ok() {
        return code != null;
    }
}
