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
    public static final String BANNER = "banner";
    public static final String PROBLEM = "problem";

    private Styles() {
    }
}
