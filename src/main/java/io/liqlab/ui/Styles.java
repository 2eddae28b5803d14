package io.liqlab.ui;

/** Style-class names used by the views and defined in {@code liqlab.css}. */
public final class Styles {
    public static final String STAND_IN = "stand-in";
    public static final String STAND_IN_BANNER = "stand-in-banner";
    public static final String DETAIL = "profile-detail";
    public static final String TITLE = "title";
    public static final String SUBTITLE = "subtitle";
    public static final String SECTION = "section";
    public static final String KEY = "key";
    public static final String PROBLEM = "problem";

    public static final String FIELD_ERROR = "field-error";
    public static final String STALE = "stale";
    public static final String BIG_NUMBER = "big-number";
    public static final String CARD = "card";
    public static final String FORMULA = "formula";
    public static final String TIER_CHANGED = "tier-changed";
    public static final String CLOSEST = "closest";
    public static final String FARTHEST = "farthest";
    public static final String PRESENTATION = "presentation";
    public static final String DARK = "dark";
    public static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private Styles() {
    }
}
