package io.liqlab.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How old a profile's data is, against the real clock: "data as of 2024-10-24 (2 years old)". Venue tables change;
 * older than {@link #OLD_AFTER_DAYS} days, the screens show the age in amber.
 */
public final class DataAge {
    /** Data older than this many days is shown as possibly out of date. */
    public static final int OLD_AFTER_DAYS = 30;

    private DataAge() {
    }

    /** The date a profile's {@code asOf} names: a full date, or the first day of a month or year given alone. */
    public static Optional<LocalDate> parse(String asOf) {
        if (asOf == null) {
            return Optional.empty();
        }
        String s = asOf.strip();
        try {
            if (s.length() >= 10) {
                return Optional.of(LocalDate.parse(s.substring(0, 10)));
            }
            if (s.length() == 7) {
                return Optional.of(YearMonth.parse(s).atDay(1));
            }
            if (s.length() == 4) {
                return Optional.of(LocalDate.of(Integer.parseInt(s), 1, 1));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // not a date: no age to tell
        }
        return Optional.empty();
    }

    /** Whole days from {@code asOf} to today by {@code clock}; empty when {@code asOf} is not a date. */
    public static Optional<Long> days(String asOf, Clock clock) {
        return parse(asOf).map(d -> ChronoUnit.DAYS.between(d, LocalDate.now(clock)));
    }

    /** Whether the data is older than {@link #OLD_AFTER_DAYS} days (unknown dates are not called old). */
    public static boolean isOld(String asOf, Clock clock) {
        return days(asOf, clock).map(d -> d > OLD_AFTER_DAYS).orElse(false);
    }

    /** The age in words: "today", "12 days old", "5 months old", "2 years old"; empty when unknown. */
    public static Optional<String> age(String asOf, Clock clock) {
        Optional<LocalDate> date = parse(asOf);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(date.get(), today);
        if (days < 0) {
            return Optional.of(Text.get("app.dataAge.future"));
        }
        if (days == 0) {
            return Optional.of(Text.get("app.dataAge.today"));
        }
        if (days <= 60) {
            return Optional.of(Text.format("app.dataAge.days", days));
        }
        Period p = Period.between(date.get(), today);
        if (p.getYears() >= 1) {
            return Optional.of(Text.format("app.dataAge.years", p.getYears()));
        }
        return Optional.of(Text.format("app.dataAge.months", p.getMonths()));
    }

    /** The pseudo-class of a data-age line whose data is older than {@link #OLD_AFTER_DAYS} days (amber). */
    public static final javafx.css.PseudoClass OLD = javafx.css.PseudoClass.getPseudoClass("old");

    /**
     * The one data-age line every screen shows: style class {@code data-age}, amber ({@link #OLD}) while {@code old}
     * holds, the "check the venue's current table" tooltip, and no room taken while {@code text} is empty.
     */
    public static javafx.scene.control.Label label(String id, javafx.beans.value.ObservableValue<String> text,
                                                   javafx.beans.value.ObservableValue<Boolean> old) {
        javafx.scene.control.Label label = new javafx.scene.control.Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("data-age");
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        old.subscribe(o -> label.pseudoClassStateChanged(OLD, Boolean.TRUE.equals(o)));
        label.setTooltip(new javafx.scene.control.Tooltip(Text.get("app.dataAge.oldTip")));
        return label;
    }

    /** The line's text for {@code asOf}: empty when it is not a date (the textbook's "n/a" is said elsewhere). */
    public static String lineOrEmpty(String asOf, Clock clock) {
        return parse(asOf).isEmpty() ? "" : text(asOf, clock);
    }

    /** "Data as of 2024-10-24 (2 years old)", or just "Data as of ..." when the date cannot be read. */
    public static String text(String asOf, Clock clock) {
        return age(asOf, clock).map(a -> Text.format("app.dataAge.line", asOf, a)).orElse(Text.format("app.dataAge.lineNoAge", asOf));
    }
}
