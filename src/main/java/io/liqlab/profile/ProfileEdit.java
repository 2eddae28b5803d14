package io.liqlab.profile;

import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile as an editor holds it: the values of its settings and tiers as text, over the profile it started from,
 * written as the profile file they stand for, which {@link ProfileReader#validate} then checks. The file format's
 * field names live here (and in the reader and writer), never in the editor; a problem the reader finds is located
 * back on a setting or a tier's field with {@link Setting#locates} and {@link TierField#of}.
 *
 * <p>Values are text because an editor may hold anything the user typed: a number in plain notation ({@code 12000000},
 * {@code 0.004}) goes into the file as a number, any other text goes in as text, so the reader names the field and
 * what it got ("must be a number ..., got the string ...").
 */
public final class ProfileEdit {

    /** The fields of one tier an editor edits. */
    public enum TierField {
        FLOOR("floor"), CAP("cap"), MAX_LEVERAGE("maxLeverage"), MAINTENANCE_RATE("maintenanceMarginRate"),
        MAINTENANCE_AMOUNT("maintenanceAmount"), INITIAL_RATE("initialMarginRate");

        private final String name;

        TierField(String name) {
            this.name = name;
        }

        /** Whether {@code problem} is about this field of some tier (an amount's override flag counts as the amount). */
        public boolean locates(ProfileProblem problem) {
            return problem.isTierField() && (problem.field().equals(name)
                    || this == MAINTENANCE_AMOUNT && problem.field().equals(AMOUNT_OVERRIDE));
        }

        /** The tier field {@code problem} is about, if it is about one. */
        public static Optional<TierField> of(ProfileProblem problem) {
            for (TierField f : values()) {
                if (f.locates(problem)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The profile-level values an editor offers; only those the profile has apply to it. */
    public enum Setting {
        NAME("name", false), NOTES("notes", false), LIQUIDATION_FEE("liquidationFee.rate", true),
        TAKER_FEE_IN_TRIGGER("takerFeeInTrigger", true), PARTIAL_THRESHOLD("partialLiquidation.thresholdNotional", true),
        PARTIAL_FRACTION("partialLiquidation.fraction", true), PARTIAL_COOLDOWN("partialLiquidation.cooldownSeconds", true),
        BACKSTOP_FRACTION("backstop.equityFraction", true), ADL_RANKING("adl.ranking", false),
        AS_OF("provenance.asOf", false), CONFIDENCE("provenance.confidence", false);

        private final String path;
        private final boolean numeric;

        Setting(String path, boolean numeric) {
            this.path = path;
            this.numeric = numeric;
        }

        /** Whether the file holds a number here (text that is not one is refused by the reader). */
        public boolean numeric() {
            return numeric;
        }

        /** Whether {@code problem} is about this setting. */
        public boolean locates(ProfileProblem problem) {
            return problem.tier() < 0 && problem.field().equals(path);
        }
    }

    /** A setting's value in the profile as opened: a number, or else text. */
    public record Value(boolean isNumber, double number, String text) {
    }

    private static final String AMOUNT_OVERRIDE = "maintenanceAmountOverride";
    /** Whole numbers below this are written as integers, as {@link ProfileWriter} writes them. */
    private static final BigDecimal WHOLE_LIMIT = BigDecimal.valueOf(1e15);

    private final VenueProfile original;
    private final ObjectNode base;

    /** Edits of {@code original}, to be saved under {@code id} and {@code name}. */
    public ProfileEdit(VenueProfile original, String id, String name) {
        this.original = original;
        this.base = new ProfileWriter().toTree(original);
        base.put("id", id);
        base.put("name", name);
    }

    /** The value of {@code setting} in the profile as opened; empty when the profile has none. */
    public Optional<Value> value(Setting setting) {
        JsonNode n = base;
        for (String part : setting.path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(n.isNumber() ? new Value(true, n.doubleValue(), "") : new Value(false, Double.NaN, n.asString("")));
    }

    /**
     * The profile file these values stand for. {@code settings} holds the settings changed since opened (an empty
     * text setting is left out of the file); the others keep their values exactly as read. Each tier maps every {@link TierField} to its text; an empty cap is
     * unbounded, an empty initial rate none, an empty maintenance amount derived by the continuity rule (a number there
     * is an override). When no tier differs from the profile as opened, its schedule is written as it was read,
     * published maintenance amounts included.
     */
    public ObjectNode tree(Map<Setting, String> settings, List<Map<TierField, String>> tiers) {
        ObjectNode tree = base.deepCopy();
        settings.forEach((s, text) -> {
            String[] parts = s.path.split("\\.");
            ObjectNode parent = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = (ObjectNode) parent.get(parts[i]);
            }
            String leaf = parts[parts.length - 1];
            if (s.numeric) {
                putNumber(parent, leaf, text);
            } else if (text.isEmpty()) {
                parent.remove(leaf);
            } else {
                parent.put(leaf, text);
            }
        });
        if (sameSchedule(tiers)) {
            return tree;
        }
        ArrayNode array = tree.putArray("tiers");
        for (int i = 0; i < tiers.size(); i++) {
            Map<TierField, String> t = tiers.get(i);
            ObjectNode o = array.addObject();
            o.put("tier", i + 1);
            putNumber(o, "floor", t.get(TierField.FLOOR));
            if (t.get(TierField.CAP).isEmpty()) {
                o.putNull("cap");
            } else {
                putNumber(o, "cap", t.get(TierField.CAP));
            }
            putNumber(o, "maxLeverage", t.get(TierField.MAX_LEVERAGE));
            if (!t.get(TierField.INITIAL_RATE).isEmpty()) {
                putNumber(o, "initialMarginRate", t.get(TierField.INITIAL_RATE));
            }
            putNumber(o, "maintenanceMarginRate", t.get(TierField.MAINTENANCE_RATE));
            if (!t.get(TierField.MAINTENANCE_AMOUNT).isEmpty()) {
                putNumber(o, "maintenanceAmount", t.get(TierField.MAINTENANCE_AMOUNT));
                o.put(AMOUNT_OVERRIDE, true);
            }
        }
        return tree;
    }

    /**
     * The value of {@code field} of tier {@code index} as the profile was read, in the file's plain notation ("" for an
     * unbounded cap, no initial rate, a derived amount): what an editor puts in the file for a cell the user left as
     * shown, so that a value shown rounded (1/30 as 3.33333333333%) keeps its every digit.
     */
    public String asRead(int index, TierField field) {
        Tier t = original.rules().tiers().tier(index);
        return switch (field) {
            case FLOOR -> plain(t.floor());
            case CAP -> t.isUnbounded() ? "" : plain(t.cap());
            case MAX_LEVERAGE -> plain(t.maxLeverage());
            case MAINTENANCE_RATE -> plain(t.maintenanceMarginRate());
            case INITIAL_RATE -> t.hasInitialMarginRate() ? plain(t.initialMarginRate()) : "";
            case MAINTENANCE_AMOUNT -> original.amountSources().get(index) == VenueProfile.AmountSource.OVERRIDE
                    ? plain(t.maintenanceAmount()) : "";
        };
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).toPlainString();
    }

    /** Whether every tier holds the values of the profile as opened (so its published amounts still hold). */
    private boolean sameSchedule(List<Map<TierField, String>> tiers) {
        TierSchedule schedule = original.rules().tiers();
        if (tiers.size() != schedule.size()) {
            return false;
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = schedule.tier(i);
            Map<TierField, String> cells = tiers.get(i);
            boolean override = original.amountSources().get(i) == VenueProfile.AmountSource.OVERRIDE;
            if (!same(cells.get(TierField.FLOOR), t.floor())
                    || !(t.isUnbounded() ? cells.get(TierField.CAP).isEmpty() : same(cells.get(TierField.CAP), t.cap()))
                    || !same(cells.get(TierField.MAX_LEVERAGE), t.maxLeverage())
                    || !same(cells.get(TierField.MAINTENANCE_RATE), t.maintenanceMarginRate())
                    || !(t.hasInitialMarginRate() ? same(cells.get(TierField.INITIAL_RATE), t.initialMarginRate())
                    : cells.get(TierField.INITIAL_RATE).isEmpty())
                    || !(override ? same(cells.get(TierField.MAINTENANCE_AMOUNT), t.maintenanceAmount())
                    : cells.get(TierField.MAINTENANCE_AMOUNT).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String text, double value) {
        BigDecimal typed = number(text);
        return typed != null && Double.isFinite(value) && typed.compareTo(new BigDecimal(Double.toString(value))) == 0;
    }

    private static BigDecimal number(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A number in plain notation as a number, written as {@link ProfileWriter} writes one (whole numbers without a
     * fraction); anything else as the text it is, for the reader to refuse by name.
     */
    private static void putNumber(ObjectNode node, String field, String text) {
        BigDecimal n = number(text);
        if (n != null) {
            BigDecimal plain = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
            if (plain.scale() <= 0 && plain.abs().compareTo(WHOLE_LIMIT) < 0) {
                node.put(field, plain.longValueExact());
            } else {
                node.put(field, plain);
            }
        } else {
            node.put(field, text == null ? "" : text);
        }
    }
}
