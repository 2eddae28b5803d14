package io.liqlab.report;

import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.Provenance;
import io.liqlab.profile.VenueProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A calculation as plain text: what {@code calc} prints and what "Copy results" puts on the clipboard. */
public final class ResultReport {
    private ResultReport() {
    }

    /** The engine's notes plus the profile's stand-in labels. */
    public static List<String> notes(VenueProfile profile, LiquidationResult r) {
        List<String> notes = new ArrayList<>(r.noteTexts());
        for (Provenance.StandIn s : profile.provenance().standIns()) {
            notes.add("Stand-in data (" + s.values() + "): " + s.note() + ".");
        }
        return notes;
    }

    public static String text(VenueProfile profile, LiquidationResult r) {
        Position p = r.position();
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(profile.name()).append(" - ").append(p.side().id()).append(", ").append(p.mode().id())
                .append(r.estimate() ? " (estimate)" : "").append(nl);
        boolean inverse = profile.rules().inverse();
        // Coin-margined: every amount is in the coin and says so; linear output is unchanged.
        String coin = inverse ? " " + coinOf(profile) : "";
        if (inverse) {
            double cv = profile.rules().contract().contractValue();
            sb.append(String.format(Locale.ROOT, "  entry %s   mark %s   contracts %s x %s USD   value %s USD (%s%s at entry)%n",
                    Numbers.price(p.entryPrice()), Numbers.price(p.markPrice()), Numbers.quantity(r.notional() / cv), Numbers.plain(cv),
                    Numbers.money(r.notional()), Numbers.quantity(p.quantity()), coin));
            sb.append(String.format(Locale.ROOT, "  leverage %s   margin %s%s   (coin-margined: margin, PnL and maintenance in%s)%n%n",
                    Numbers.leverage(r.leverage()), Numbers.coin(r.margin()), coin, coin));
        } else {
            sb.append(String.format(Locale.ROOT, "  entry %s   mark %s   quantity %s   notional %s%n", Numbers.price(p.entryPrice()),
                    Numbers.price(p.markPrice()), Numbers.quantity(p.quantity()), Numbers.money(r.notional())));
            sb.append(String.format(Locale.ROOT, "  leverage %s   margin %s%n%n", Numbers.leverage(r.leverage()), Numbers.money(r.margin())));
        }
        String liq = switch (r.outcome()) {
            case Outcome.LiquidatesAt(double price) -> Numbers.price(price) + String.format(Locale.ROOT, "   (%.2f%% %s the mark%s)",
                    r.distancePercent(), price < p.markPrice() ? "below" : "above", r.liquidatableNow() ? ": liquidatable now" : "");
            case Outcome.NeverLiquidated _ -> "none (never liquidated)";
            case Outcome.LiquidatableAtEntry _ -> "none (liquidatable at entry)";
        };
        row(sb, "Liquidation price", liq);
        row(sb, "Bankruptcy price", Double.isNaN(r.bankruptcyPrice()) ? "none" : Numbers.price(r.bankruptcyPrice()));
        if (profile.rules().hasBackstop()) {
            row(sb, "Backstop price", Double.isNaN(r.backstopPrice()) ? "none" : Numbers.price(r.backstopPrice())
                    + "   (equity below " + Numbers.quantity(roundForText(profile.rules().backstop().equityFraction())) + " x MM)");
        }
        row(sb, "Tier at entry", tierText(r.tierAtEntry()));
        row(sb, "Tier at liquidation", r.tierAtLiquidation() == null ? "none" : tierText(r.tierAtLiquidation())
                + (r.tierChanges() ? "   (differs from entry)" : ""));
        row(sb, "Maintenance rate", Numbers.percentOf(r.maintenanceMarginRate()) + (r.feeInTrigger() > 0
                ? " + fee " + Numbers.percentOf(r.feeInTrigger()) : "") + ", amount "
                + (inverse ? Numbers.coin(r.maintenanceAmount()) + coin : Numbers.money(r.maintenanceAmount())));
        row(sb, "Maintenance at liq.", inverse ? Numbers.coin(r.maintenanceMarginAtLiquidation()) + coin : Numbers.money(r.maintenanceMarginAtLiquidation()));
        row(sb, "Margin ratio now", Double.isNaN(r.marginRatioNow()) ? "n/a (no equity)" : Numbers.percentOf(r.marginRatioNow()));
        row(sb, "Max leverage", Numbers.leverage(r.maxLeverage()) + (r.leverageAllowed() ? "   (allowed)" : "   (NOT allowed at this size)"));
        if (r.firstLiquidation() != null) {
            row(sb, "First liquidation", r.firstLiquidation().description());
        }
        sb.append(nl).append("  Data as of ").append(profile.provenance().asOf()).append(", confidence ")
                .append(profile.provenance().confidence()).append(profile.hasStandIns() ? ", CONTAINS STAND-IN VALUES" : "").append(nl);
        for (String note : notes(profile, r)) {
            sb.append("  * ").append(note).append(nl);
        }
        return sb.toString();
    }

    /** The coin a coin-margined profile is margined in (its base asset), or "coin" where the file names none. */
    public static String coinOf(VenueProfile profile) {
        String base = profile.listing().base();
        return base == null || base.isBlank() ? "coin" : base;
    }

    private static double roundForText(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String tierText(io.liqlab.core.Tier t) {
        return t.number() + " (mmr " + Numbers.percentOf(t.maintenanceMarginRate()) + ", max " + Numbers.leverage(t.maxLeverage()) + ")";
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }
}
