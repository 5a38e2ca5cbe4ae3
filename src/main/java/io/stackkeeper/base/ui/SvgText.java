package io.stackkeeper.base.ui;

/** Text for server-side SVG charts, whose attributes are written in single quotes. */
public final class SvgText {

    private SvgText() {
    }

    /** The text safe inside an element or a single-quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
