package io.liqlab.sim;

/**
 * A one-market order book on a fixed price grid (levels of 2 bps of the start price from 0 to twice the start
 * price). Each level holds resting notional on the bid side (below the mid) and on the ask side (above it); the
 * level that holds the mid is split at the mid, and its depth is spread evenly over each part, so a market order
 * moves the price continuously. Depth consumed stays consumed and comes back toward its calm-time target with
 * the refill time constant (resilience); when the market is stressed the target thins and makers pull depth
 * above it with the faster pull time constant. Relaxation is evaluated lazily, when a level is touched.
 *
 * <p>Market orders return the notional they filled; the price after them is the new mid.
 */
final class OrderBook {

    static final double LEVEL_FRACTION = 0.0002;

    private final double step;
    private final int levels;
    private final double bidPerPercent;
    private final double askPerPercent;
    private final Scenario.Book.Shape shape;
    private final double refillSeconds;
    private final double pullSeconds;
    private final double[] bid;
    private final double[] ask;
    private final double[] bidTime;
    private final double[] askTime;
    private double mid;
    /** {@link #level}{@code (mid)}, kept with the mid: every order and every depth readout starts from it. */
    private int midLevel;
    /** Multiplier on the calm-time depth target, 1 calm, down to 1 - thinningMax under full stress. */
    private double stress = 1;

    OrderBook(Scenario.Book book, double startPrice) {
        this.step = startPrice * LEVEL_FRACTION;
        this.levels = (int) Math.round(2 / LEVEL_FRACTION);
        this.bidPerPercent = book.bidDepthPerPercent();
        this.askPerPercent = book.askDepthPerPercent();
        this.shape = book.shape();
        this.refillSeconds = book.refillSeconds();
        this.pullSeconds = book.pullSeconds();
        this.bid = new double[levels];
        this.ask = new double[levels];
        this.bidTime = new double[levels];
        this.askTime = new double[levels];
        this.mid = startPrice;
        this.midLevel = level(startPrice);
        int m = midLevel;
        for (int i = 0; i < levels; i++) {
            if (i <= m) {
                bid[i] = bidTarget(i);
            }
            if (i >= m) {
                ask[i] = askTarget(i);
            }
        }
    }

    double mid() {
        return mid;
    }

    /** Where the price stops when the bids run out, in levels above zero. */
    static final double FLOOR_LEVELS = 0.5;
    /** Set when a market order ran through one whole side of the book; the run reports when. */
    private boolean exhausted;

    /** Whether an order has run through one side of the book since the last call; clears the flag. */
    boolean takeExhausted() {
        boolean was = exhausted;
        exhausted = false;
        return was;
    }

    /** The lowest price the book's grid reaches: where a sell that runs through every bid stops. */
    double floorPrice() {
        return FLOOR_LEVELS * step;
    }

    /** The highest price the book's grid reaches: where a buy that runs through every ask stops. */
    double ceilingPrice() {
        return levels * step;
    }

    void setStress(double stress) {
        this.stress = stress;
        version++;
    }

    private int level(double price) {
        int i = (int) (price / step);
        return Math.max(0, Math.min(levels - 1, i));
    }

    private double lo(int i) {
        return i * step;
    }

    private double hi(int i) {
        return (i + 1) * step;
    }

    private double shapeFactor(double centre) {
        return switch (shape) {
            case FLAT -> 1;
            case RISING -> {
                double distancePercent = Math.abs(centre - mid) / mid * 100;
                yield distancePercent < 2 ? 0.5 + 0.5 * distancePercent : 1.5;
            }
        };
    }

    /** Calm-time depth of the bid part of level i (below the mid), times the stress multiplier. */
    private double bidTarget(int i) {
        double top = Math.min(hi(i), mid);
        double width = top - lo(i);
        if (width <= 0) {
            return 0;
        }
        return bidPerPercent * stress * shapeFactor((lo(i) + top) / 2) * width / mid * 100;
    }

    private double askTarget(int i) {
        double bottom = Math.max(lo(i), mid);
        double width = hi(i) - bottom;
        if (width <= 0) {
            return 0;
        }
        return askPerPercent * stress * shapeFactor((bottom + hi(i)) / 2) * width / mid * 100;
    }

    private double relax(double depth, double target, double elapsed) {
        if (depth == target) { // its callers return before relaxing when no time has passed
            return depth;
        }
        if (elapsed != lastElapsed) {
            // Most levels are read once a tick, so the same elapsed time comes back: two exps per tick, not per level.
            lastElapsed = elapsed;
            lastRefillKeep = Math.exp(-elapsed / refillSeconds);
            lastPullKeep = Math.exp(-elapsed / pullSeconds);
        }
        return target + (depth - target) * (target > depth ? lastRefillKeep : lastPullKeep);
    }

    private double lastElapsed = Double.NaN;
    private double lastRefillKeep;
    private double lastPullKeep;
    /** Where the last market order (or preview) ended: the price of its last fill. */
    private double lastPreviewPrice;

    double lastPreviewPrice() {
        return lastPreviewPrice;
    }

    private double bidAt(int i, double now) {
        double elapsed = now - bidTime[i];
        if (elapsed <= 0) {
            // Already brought up to now (a preview touched it this tick): relax() would return it unchanged, so its
            // target, the costliest part of a level, is not computed. Most levels a tick's orders walk are read again.
            bidTime[i] = now;
            return bid[i];
        }
        double d = relax(bid[i], bidTarget(i), elapsed);
        bid[i] = d;
        bidTime[i] = now;
        return d;
    }

    private double askAt(int i, double now) {
        double elapsed = now - askTime[i];
        if (elapsed <= 0) {
            askTime[i] = now; // as bidAt
            return ask[i];
        }
        double d = relax(ask[i], askTarget(i), elapsed);
        ask[i] = d;
        askTime[i] = now;
        return d;
    }

    /** Resting bid notional within {@code percent}% below the mid. */
    double bidDepthWithin(double percent, double now) {
        double bottom = mid * (1 - percent / 100);
        double sum = 0;
        for (int i = midLevel; i >= 0 && hi(i) > bottom; i--) {
            double d = bidAt(i, now);
            double top = Math.min(hi(i), mid);
            double width = top - lo(i);
            if (width > 0) {
                // A level wholly inside the band counts whole: its share would be width / width, exactly 1.
                sum += lo(i) >= bottom ? d : d * Math.min(1, (top - bottom) / width);
            }
        }
        return sum;
    }

    /** Resting ask notional within {@code percent}% above the mid. */
    double askDepthWithin(double percent, double now) {
        double top = mid * (1 + percent / 100);
        double sum = 0;
        for (int i = midLevel; i < levels && lo(i) < top; i++) {
            double d = askAt(i, now);
            double bottom = Math.max(lo(i), mid);
            double width = hi(i) - bottom;
            if (width > 0) {
                sum += hi(i) <= top ? d : d * Math.min(1, (top - bottom) / width); // as in bidDepthWithin
            }
        }
        return sum;
    }

    /**
     * The quantity a market order on side {@code sign} (+1 sells into the bids, -1 buys from the asks) can fill
     * without trading beyond {@code limit}: an IOC order with a limit price. Changes nothing but lazy refills.
     */
    double quantityWithin(int sign, double limit, double now) {
        double quantity = 0;
        if (sign > 0) {
            if (limit >= mid) {
                return 0;
            }
            int i = midLevel;
            if (i > 0 && lo(i) >= mid) {
                i--;
            }
            for (; i >= 0; i--) {
                double top = Math.min(hi(i), mid);
                double lo = lo(i);
                if (top <= limit) {
                    break;
                }
                double d = bidAt(i, now);
                double bottom = Math.max(lo, limit);
                double part = d * (top - bottom) / (top - lo);
                quantity += part / ((top + bottom) / 2);
            }
            return quantity;
        }
        if (limit <= mid) {
            return 0;
        }
        for (int i = midLevel; i < levels; i++) {
            double bottom = Math.max(lo(i), mid);
            double hi = hi(i);
            if (bottom >= limit) {
                break;
            }
            double d = askAt(i, now);
            double top = Math.min(hi, limit);
            double part = d * (top - bottom) / (hi - bottom);
            quantity += part / ((top + bottom) / 2);
        }
        return quantity;
    }

    /**
     * Sells {@code quantity} at market into the bids; returns the notional received. With {@code apply} false
     * nothing changes (a preview: the exact fill the same order would get now).
     */
    double sell(double quantity, double now, boolean apply) {
        if (quantity > 0 && replaySide == 1 && replayVersion == version && replayNow == now && replayQuantity == quantity) {
            return replay(apply, now);
        }
        if (!apply && quantity > 0 && quantity < firstAvailable && firstSide == 1 && firstVersion == version && firstNow == now) {
            return previewWithinFirstLevel(quantity);
        }
        double remaining = quantity;
        double notional = 0;
        double price = mid;
        int i = midLevel;
        if (i > 0 && lo(i) >= price) {
            i--;
        }
        int from = i;
        boolean first = !apply && i > 0;
        while (remaining > 0) {
            // The lowest level ends at the floor, not at zero: the price never reaches zero, where every depth
            // target (a share of the mid) would divide by zero.
            double lo = i == 0 ? floorPrice() : lo(i);
            double top = Math.max(lo, Math.min(hi(i), price));
            double d = bidAt(i, now);
            double avgPrice = (lo + top) / 2;
            double available = avgPrice > 0 ? d / avgPrice : 0;
            if (first) {
                keepFirstLevel(1, now, lo, top, available, i, d);
                first = false;
            }
            if (i == 0 || (available > 0 && remaining < available)) {
                boolean ranOut = i == 0 && remaining >= available;
                double f = ranOut ? 1 : remaining / available;
                // The bids ran out: the price stops at the floor and what is left fills there.
                double newPrice = ranOut ? lo : Math.max(lo, top - (top - lo) * f);
                double fillPrice = ranOut ? lo : (top + newPrice) / 2;
                if (ranOut && apply) {
                    exhausted = true;
                }
                notional += remaining * fillPrice;
                double left = Math.max(0, d * (1 - f));
                if (apply) {
                    bid[i] = left;
                } else if (quantity > 0) {
                    keepReplay(1, quantity, now, notional, newPrice, from, i, left, ranOut);
                }
                price = newPrice;
                remaining = 0;
            } else {
                notional += d;
                remaining -= available;
                if (apply) {
                    bid[i] = 0;
                }
                price = lo;
                i--;
            }
        }
        lastPreviewPrice = price;
        if (apply) {
            moveMid(price, now);
        }
        return notional;
    }

    /** Buys {@code quantity} at market from the asks; returns the notional paid. */
    double buy(double quantity, double now, boolean apply) {
        if (quantity > 0 && replaySide == -1 && replayVersion == version && replayNow == now && replayQuantity == quantity) {
            return replay(apply, now);
        }
        if (!apply && quantity > 0 && quantity < firstAvailable && firstSide == -1 && firstVersion == version && firstNow == now) {
            return previewWithinFirstLevel(quantity);
        }
        double remaining = quantity;
        double notional = 0;
        double price = mid;
        int i = midLevel;
        int from = i;
        boolean first = !apply && i < levels - 1;
        while (remaining > 0) {
            double bottom = Math.max(lo(i), price);
            double hi = hi(i);
            double d = askAt(i, now);
            double avgPrice = (bottom + hi) / 2;
            double available = d / avgPrice;
            if (first) {
                keepFirstLevel(-1, now, hi, bottom, available, i, d); // a buy's price moves from bottom toward hi
                first = false;
            }
            boolean last = i == levels - 1;
            if (last || (available > 0 && remaining < available)) {
                boolean ranOut = last && remaining >= available;
                double f = ranOut ? 1 : remaining / available;
                if (ranOut && apply) {
                    exhausted = true; // the asks ran out: the price stops at the top of the grid
                }
                double newPrice = Math.min(hi, bottom + (hi - bottom) * f);
                double fillPrice = ranOut ? hi : (bottom + newPrice) / 2;
                notional += remaining * fillPrice;
                double left = Math.max(0, d * (1 - f));
                if (apply) {
                    ask[i] = left;
                } else if (quantity > 0) {
                    keepReplay(-1, quantity, now, notional, newPrice, from, i, left, ranOut);
                }
                price = newPrice;
                remaining = 0;
            } else {
                notional += d;
                remaining -= available;
                if (apply) {
                    ask[i] = 0;
                }
                price = hi;
                i++;
            }
        }
        lastPreviewPrice = price;
        if (apply) {
            moveMid(price, now);
        }
        return notional;
    }

    // ---- previews of one order at several sizes (a bisection's) --------------------------------------------

    /** Changes with everything that can change the first level a market order meets: the mid, the levels, stress. */
    private long version;
    /** The first level the last preview met, while {@link #version} and the instant are the same: +1 sell, -1 buy, 0 none. */
    private int firstSide;
    private long firstVersion = -1;
    private double firstNow = Double.NaN;
    /** Where the order's price starts in that level (the mid) and where it would end if it took all of it. */
    private double firstStart;
    private double firstEnd;
    /** What the level fills, in base units; an order smaller than this ends inside it. */
    private double firstAvailable;
    /** The level's index and its depth as the preview read it. */
    private int firstLevel;
    private double firstDepth;

    private void keepFirstLevel(int side, double now, double end, double start, double available, int level, double depth) {
        firstSide = side;
        firstVersion = version;
        firstNow = now;
        firstEnd = end;
        firstStart = start;
        firstAvailable = available;
        firstLevel = level;
        firstDepth = depth;
    }

    /**
     * The preview of an order that ends inside the first level, as the walk computes it (the same operations on the
     * same values, so the same bits): the level was read by a preview at this instant and nothing has moved since,
     * so it is not read again. The fund's bisection previews one order at forty sizes; most fill in one level.
     */
    private double previewWithinFirstLevel(double quantity) {
        double f = quantity / firstAvailable;
        double newPrice = firstSide > 0
                ? Math.max(firstEnd, firstStart - (firstStart - firstEnd) * f) // sell(): lo = firstEnd, top = firstStart
                : Math.min(firstEnd, firstStart + (firstEnd - firstStart) * f); // buy(): bottom = firstStart, hi = firstEnd
        lastPreviewPrice = newPrice;
        double notional = quantity * ((firstStart + newPrice) / 2);
        keepReplay(firstSide, quantity, firstNow, notional, newPrice, firstLevel, firstLevel, Math.max(0, firstDepth * (1 - f)), false);
        return notional;
    }

    /**
     * The largest quantity a market order on side {@code side} can have, up to {@code quantity}, whose loss against
     * {@code price}, {@code side * (x * price - fill(x))}, is at most {@code limit}: a bisection of 40 halvings on the
     * previewed fill (the insurance fund's question: how much of a position it can still pay for). Changes nothing
     * but lazy refills, as a preview.
     *
     * <p>Most sizes the bisection tries fill inside the first level a preview met, where the fill has the closed form
     * of {@link #previewWithinFirstLevel}: the loss is {@code s x (price - start) + x^2 |end - start| / (2 available)}
     * in exact arithmetic, and the preview's rounded value and this closed form's both lie within a few units in the
     * last place of {@code x (|price| + start)} of it. Where the closed form is further than a thousand times that
     * from the limit, its answer is the preview's, and the preview is not made; only sizes that close to the answer
     * (the last few halvings) are previewed. The bisection takes the same steps, so it ends on the same bits.
     */
    double largestWithLossAtMost(int side, double quantity, double price, double limit, double now) {
        double lo = 0;
        double hi = quantity;
        boolean kept = false;
        double within = 0;
        double slope = 0;
        double curvature = 0;
        double marginPerQuantity = 0;
        for (int k = 0; k < 40; k++) {
            double mid = (lo + hi) / 2;
            if (!kept && firstSide == side && firstVersion == version && firstNow == now) {
                // The first level stays the same through the bisection: a preview changes no level's depth.
                kept = true;
                within = firstAvailable;
                slope = side * (price - firstStart);
                curvature = Math.abs(firstEnd - firstStart) / (2 * firstAvailable);
                marginPerQuantity = 1e-12 * (Math.abs(price) + Math.abs(firstStart));
            }
            int certain = 0; // 1: the loss is certainly within the limit, -1: certainly not, 0: only a preview tells
            if (kept && mid > 0 && mid < within) {
                double loss = mid * slope + mid * mid * curvature;
                double margin = mid * marginPerQuantity;
                certain = loss + margin < limit ? 1 : loss - margin > limit ? -1 : 0;
            }
            boolean covered = certain != 0 ? certain > 0
                    : side * (mid * price - (side > 0 ? sell(mid, now, false) : buy(mid, now, false))) <= limit;
            if (covered) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- an order placed as it was just previewed ----------------------------------------------------------

    /**
     * The last preview's outcome while {@link #version} and the instant stay the same: +1 sell, -1 buy, 0 none. A
     * liquidation is previewed (is it filled above its bankruptcy price? how far does it go?) and then sent at the
     * same size: the order then walks the same levels with the same depths and ends where the preview ended, so it
     * is applied from what the preview found (the same bits) instead of walked again.
     */
    private int replaySide;
    private long replayVersion = -1;
    private double replayNow = Double.NaN;
    private double replayQuantity;
    private double replayNotional;
    /** The price the order ends at. */
    private double replayPrice;
    /** The first level the order takes from, and the level it ends in (levels between are emptied). */
    private int replayFrom;
    private int replayTo;
    /** The depth left in the level it ends in. */
    private double replayLeft;
    private boolean replayRanOut;

    private void keepReplay(int side, double quantity, double now, double notional, double price, int from, int to,
                            double left, boolean ranOut) {
        replaySide = side;
        replayVersion = version;
        replayNow = now;
        replayQuantity = quantity;
        replayNotional = notional;
        replayPrice = price;
        replayFrom = from;
        replayTo = to;
        replayLeft = left;
        replayRanOut = ranOut;
    }

    /**
     * The previewed order again: as a preview, its figures; applied, the levels it takes emptied and the last one
     * left with what the walk would leave, then the mid moved (all as {@link #sell} and {@link #buy} write them).
     */
    private double replay(boolean apply, double now) {
        lastPreviewPrice = replayPrice;
        if (!apply) {
            return replayNotional;
        }
        double[] side = replaySide > 0 ? bid : ask;
        int step = replaySide > 0 ? -1 : 1;
        for (int k = replayFrom; k != replayTo; k += step) {
            side[k] = 0;
        }
        side[replayTo] = replayLeft;
        if (replayRanOut) {
            exhausted = true;
        }
        double notional = replayNotional;
        moveMid(replayPrice, now); // changes the version: this replay is spent
        return notional;
    }

    /**
     * Moves the mid without a trade (a shock, noise): makers pull the quotes the price jumps over, and the other
     * side of those levels starts empty and refills.
     */
    void jump(double newMid, double now) {
        double target = Math.max(step, Math.min(newMid, (levels - 1) * step));
        int from = midLevel;
        int to = level(target);
        // moveMid empties the levels jumped over; the new mid's level keeps the part of its old side beyond it.
        if (to < from) {
            double oldTop = Math.min(hi(to), mid);
            double width = oldTop - lo(to);
            if (width > 0) {
                bidAt(to, now);
                bid[to] *= Math.max(0, (target - lo(to)) / width);
            }
        } else if (to > from) {
            double oldBottom = Math.max(lo(to), mid);
            double width = hi(to) - oldBottom;
            if (width > 0) {
                askAt(to, now);
                ask[to] *= Math.max(0, (hi(to) - target) / width);
            }
        }
        moveMid(target, now);
    }

    /**
     * After the mid moves, the levels it crossed start empty (consumed or pulled) and refill: between the old and
     * the new mid's levels, the lower end loses its asks, the upper end its bids, and every level between both.
     */
    private void moveMid(double newMid, double now) {
        int from = midLevel;
        int to = level(newMid);
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        for (int i = low; i < high; i++) {
            ask[i] = 0;
            askTime[i] = now;
        }
        for (int i = low + 1; i <= high; i++) {
            bid[i] = 0;
            bidTime[i] = now;
        }
        mid = newMid;
        midLevel = to;
        version++;
    }
}
