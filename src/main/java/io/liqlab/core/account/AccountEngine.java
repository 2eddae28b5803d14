package io.liqlab.core.account;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A cross account by its venue's rules (LIQUIDATION.md section 3). Each position's liquidation price holds every
 * other position at its mark:
 * <ul>
 *   <li>Binance USD-M, Hyperliquid, dYdX, GTE (and the textbook): the position calculator's cross inputs with
 *   {@code TMM1} and {@code UPNL1} summed from the other positions, so it is exactly {@code calc}'s formula
 *   (Binance's published cross formula; the same equation is Hyperliquid's and GTE's
 *   {@code L = P - s*marginAvailable/Q/(1 - s*mmr)} and dYdX's {@code p' = (e - S*p - MMR_other)/(|S|*MMF - S)}),
 *   tiers at the liquidation price included.</li>
 *   <li>Bybit (classic account): its published cross method, {@code L = E - s*(available balance + IM - MM)/Q} on the
 *   entry value; the available balance is the wallet less every position's initial margin and unrealized LOSS
 *   (profit does not count), and the position's own loss is added back because the formula measures from the
 *   entry (help centre 'Liquidation Price (USDT Contract)', cross margin mode, and 'Hedge mode: Margin calculation
 *   logic optimization for USDT contracts').</li>
 *   <li>OKX: its account rule (equity at or below maintenance with the taker fee) solved numerically, as OKX
 *   publishes no closed form for USDT cross.</li>
 *   <li>A long and a short of one market (hedge mode, Binance and OKX) share one price, so they move together: the
 *   account rule is solved numerically over that price (Binance's hedge-mode formula sums both legs the same way).</li>
 * </ul>
 * The account's liquidation move scales every mark by the same factor and finds where equity meets maintenance.
 */
public final class AccountEngine {

    /** Moves searched: down to a price of zero, up to +1,000%. */
    static final double MAX_UP_MOVE = 10;
    /**
     * Scan steps that bracket a crossing before the bisection: 2% out to +-100%, 50% beyond. Maintenance never falls
     * as the notional grows (each tier's rate is at least the last one's, the amounts keep it continuous), so
     * equity - maintenance is concave in the move and has one crossing per direction: the scan only brackets it.
     */
    private static final double STEP = 0.02;
    private static final double FAR_STEP = 0.5;

    private final LiquidationEngine engine = new LiquidationEngine();

    public AccountResult calculate(Account account) {
        List<AccountPosition> ps = account.positions();
        int n = ps.size();
        double[] upnl = new double[n];
        double[] mm = new double[n];
        double[] loss = new double[n];
        int[] group = new int[n];
        int[] groupSize = new int[n];
        double totalUpnl = 0;
        double totalMm = 0;
        double totalIm = 0;
        double totalLoss = 0;
        for (int i = 0; i < n; i++) {
            AccountPosition p = ps.get(i);
            upnl[i] = p.unrealizedPnl();
            mm[i] = p.maintenanceAt(p.mark());
            loss[i] = Math.max(0, -upnl[i]);
            totalUpnl += upnl[i];
            totalMm += mm[i];
            totalIm += p.initialMargin();
            totalLoss += loss[i];
            group[i] = i;
            for (int j = 0; j < i; j++) {
                if (ps.get(j).market().equalsIgnoreCase(p.market())) {
                    group[i] = group[j];
                    break;
                }
            }
            groupSize[group[i]]++;
        }
        double wallet = account.wallet();
        double equity = wallet + totalUpnl;
        AccountVenue venue = account.venue();
        List<PositionResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AccountPosition p = ps.get(i);
            String at = "positions[" + i + "]";
            if (venue.bybitClassic()) {
                // Available balance + IM_i = W - sum over the others of (IM_j + loss_j).
                double locked = totalIm - p.initialMargin();
                double losses = totalLoss - loss[i];
                results.add(fromCalculator(p, at, wallet, locked, -losses, upnl[i], mm[i], venue,
                        () -> "the other positions lock their initial margin (" + money(locked) + ") and their unrealized loss ("
                                + money(losses) + "); their profit does not count"));
            } else if (venue == AccountVenue.OKX_SWAP || groupSize[group[i]] > 1) {
                results.add(solved(account, i, group, upnl, mm, totalUpnl, totalMm, venue));
            } else {
                double otherMm = Math.max(0, totalMm - mm[i]);
                double otherUpnl = totalUpnl - upnl[i];
                results.add(fromCalculator(p, at, wallet, otherMm, otherUpnl, upnl[i], mm[i], venue,
                        () -> "the other positions' maintenance (TMM1) " + money(otherMm) + " and unrealized PnL (UPNL1) "
                                + money(otherUpnl) + " at their marks"));
            }
        }
        double move = accountMove(account);
        return new AccountResult(account, results, equity, totalMm, equity > 0 ? totalMm / equity : Double.NaN,
                Double.isNaN(move) ? Double.NaN : move * 100);
    }

    /** The position calculator in cross mode: exactly what {@code calc --mode cross} gives with these inputs. */
    private PositionResult fromCalculator(AccountPosition p, String at, double wallet, double otherMaintenance, double otherUpnl,
                                          double upnl, double mm, AccountVenue venue, java.util.function.Supplier<String> inputs) {
        LiquidationResult r;
        try {
            Position position = Position.builder().side(p.side()).mode(MarginMode.CROSS).entryPrice(p.entry()).markPrice(p.mark())
                    .quantity(p.quantity()).leverage(p.leverage()).wallet(wallet).otherMaintenance(otherMaintenance)
                    .otherUnrealizedPnl(otherUpnl).build();
            r = engine.calculate(p.rules(), position);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(at + "." + fieldName(e.field()), e.problem());
        }
        LiquidationResult result = r;
        java.util.function.Supplier<List<String>> notes = () -> {
            List<String> words = new ArrayList<>();
            words.add(venue.method() + "; " + inputs.get() + ".");
            words.addAll(result.noteTexts());
            return List.copyOf(words);
        };
        boolean now = r.liquidatableNow() || r.outcome() instanceof io.liqlab.core.Outcome.LiquidatableAtEntry;
        int tier = r.tierAtLiquidation() == null ? 0 : r.tierAtLiquidation().number();
        return new PositionResult(p, r.liquidationPrice(), r.bankruptcyPrice(), mm, upnl, r.distancePercent(), tier,
                venue.method(), r.estimate(), now, notes, r);
    }

    private static String fieldName(String engineField) {
        return switch (engineField) {
            case "quantity" -> "qty";
            case "entryPrice" -> "entry";
            case "markPrice" -> "mark";
            default -> engineField;
        };
    }

    /** The account rule solved over this position's market price, the legs of the same market moving together. */
    private static PositionResult solved(Account account, int i, int[] group, double[] upnl, double[] mm, double totalUpnl,
                                         double totalMm, AccountVenue venue) {
        List<AccountPosition> ps = account.positions();
        AccountPosition p = ps.get(i);
        int g = group[i];
        double groupUpnl = 0;
        double groupMm = 0;
        int legs = 0;
        for (int j = 0; j < ps.size(); j++) {
            if (group[j] == g) {
                groupUpnl += upnl[j];
                groupMm += mm[j];
                legs++;
            }
        }
        int[] members = new int[legs];
        for (int j = 0, k = 0; j < ps.size(); j++) {
            if (group[j] == g) {
                members[k++] = j;
            }
        }
        double restUpnl = totalUpnl - groupUpnl;
        double restMm = totalMm - groupMm;
        double mark = p.mark();
        double base = account.wallet() + restUpnl;
        // equity(P) - k * MM(P) with the other markets at their marks and this market's legs at P.
        DoubleUnaryOperator liq = x -> excess(ps, members, base - restMm, mark * (1 + x), 1);
        DoubleUnaryOperator bankrupt = x -> excess(ps, members, base, mark * (1 + x), 0);
        boolean now = liq.applyAsDouble(0) <= 0;
        double lx = now ? Double.NaN : nearestCrossing(liq);
        double bx = bankrupt.applyAsDouble(0) <= 0 ? Double.NaN : nearestCrossing(bankrupt);
        double l = Double.isNaN(lx) ? Double.NaN : mark * (1 + lx);
        double b = Double.isNaN(bx) ? Double.NaN : mark * (1 + bx);
        boolean hedged = legs > 1;
        java.util.function.Supplier<List<String>> notes = () -> {
            List<String> words = new ArrayList<>();
            words.add(venue.method() + ".");
            if (hedged) {
                words.add("The long and the short of " + p.market() + " share one price, so they move together: solved numerically on the account's"
                        + " equity rule with both legs at the same price (the other markets at their marks).");
            } else if (venue.solvedNumerically()) {
                words.add("Estimate: " + venue.displayName() + " publishes no closed form for USDT cross; solved numerically (bisection on"
                        + " equity - maintenance, the other positions at their marks).");
            }
            if (now) {
                words.add("The account's equity is already at or below its maintenance at the marks: liquidatable now.");
            } else if (Double.isNaN(l)) {
                words.add("No liquidation price: no move of " + p.market() + " from a price of zero to +1,000% brings equity down to maintenance.");
            }
            return List.copyOf(words);
        };
        int tier = Double.isNaN(l) ? 0 : LiquidationEngine.tierNumberAtLiquidation(p.rules(), p.entry(), p.quantity(), l);
        double distance = Double.isNaN(l) ? Double.NaN : Math.abs(mark - l) / mark * 100;
        return new PositionResult(p, l, b, mm[i], upnl[i], distance, tier, venue.method(), true, now, notes, null);
    }

    private static double excess(List<AccountPosition> ps, int[] members, double base, double price, double k) {
        double v = base;
        for (int j : members) {
            AccountPosition q = ps.get(j);
            v += q.pnlAt(price) - (k == 0 ? 0 : k * q.maintenanceAt(price));
        }
        return v;
    }

    /**
     * The account's liquidation move as a fraction (-0.05 = every mark 5% lower): equity = maintenance, nearest to
     * zero; 0 when already liquidatable; NaN when no move from -100% to +1,000% reaches it.
     */
    public double accountMove(Account account) {
        List<AccountPosition> ps = account.positions();
        double w = account.wallet();
        DoubleUnaryOperator excess = x -> {
            double v = w;
            for (int j = 0, n = ps.size(); j < n; j++) {
                AccountPosition q = ps.get(j);
                double price = q.mark() * (1 + x);
                v += q.pnlAt(price) - q.maintenanceAt(price);
            }
            return v;
        };
        if (excess.applyAsDouble(0) <= 0) {
            return 0;
        }
        return nearestCrossing(excess);
    }

    /**
     * The account with every mark moved by {@code movePercent} together: each position's price and PnL there, and the
     * account's equity and maintenance (one point of {@link #curve}, with the positions' figures).
     */
    public AccountAtMove atMove(Account account, double movePercent) {
        List<AccountPosition> ps = account.positions();
        int n = ps.size();
        double[] price = new double[n];
        double[] pnl = new double[n];
        double x = movePercent / 100;
        double e = account.wallet();
        double m = 0;
        for (int i = 0; i < n; i++) {
            AccountPosition q = ps.get(i);
            price[i] = q.mark() * (1 + x);
            pnl[i] = q.pnlAt(price[i]);
            e += pnl[i];
            m += price[i] > 0 ? q.maintenanceAt(price[i]) : 0;
        }
        return new AccountAtMove(movePercent, e, m, price, pnl);
    }

    /** Account equity and maintenance at {@code points} moves from {@code fromPercent} to {@code toPercent}. */
    public AccountCurve curve(Account account, double fromPercent, double toPercent, int points) {
        double[] move = new double[points];
        double[] equity = new double[points];
        double[] maintenance = new double[points];
        for (int k = 0; k < points; k++) {
            double pct = points == 1 ? fromPercent : fromPercent + (toPercent - fromPercent) * k / (points - 1);
            AccountAtMove at = atMove(account, pct);
            move[k] = pct;
            equity[k] = at.equity();
            maintenance[k] = at.maintenance();
        }
        return new AccountCurve(move, equity, maintenance);
    }

    /**
     * The move x nearest to 0, down to a price of zero or up to {@link #MAX_UP_MOVE}, where {@code f(x) <= 0}, given
     * {@code f(0) > 0}: both directions scanned outwards together in 2% steps (50% beyond +100%), then bisected to
     * the last bit. NaN when there is none.
     */
    static double nearestCrossing(DoubleUnaryOperator f) {
        double prevDown = 0;
        double prevUp = 0;
        for (int k = 1; ; k++) {
            double d = k * STEP;
            boolean downOpen = prevDown > -1;
            double up = d <= 1 ? d : 1 + (d - 1) / STEP * FAR_STEP;
            if (!downOpen && up > MAX_UP_MOVE) {
                return Double.NaN;
            }
            if (downOpen) {
                double x = Math.max(-d, -1 + 1e-12);
                if (f.applyAsDouble(x) <= 0) {
                    return bisect(f, prevDown, x);
                }
                prevDown = x <= -1 + 1e-12 ? -1 : x;
            }
            if (up <= MAX_UP_MOVE) {
                if (f.applyAsDouble(up) <= 0) {
                    return bisect(f, prevUp, up);
                }
                prevUp = up;
            }
        }
    }

    /** {@code f(good) > 0 >= f(bad)}: the boundary, to double precision. */
    private static double bisect(DoubleUnaryOperator f, double good, double bad) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (good + bad);
            if (mid == good || mid == bad) {
                break;
            }
            if (f.applyAsDouble(mid) <= 0) {
                bad = mid;
            } else {
                good = mid;
            }
        }
        return bad;
    }

    private static String money(double v) {
        return io.liqlab.core.Numbers.money(v);
    }
}
