package io.liqlab.sim;

import java.util.List;
import java.util.Objects;

/**
 * A cascade scenario (CASCADE.md): who holds which positions, the book they are forced to trade into, what moves
 * the market, and which venue rules apply. Pure data, read from {@code assets/scenarios/*.json} by
 * {@link ScenarioReader}; the what-if controls derive new scenarios with the {@code with*} methods.
 *
 * @param venue         id of the venue profile whose rules liquidate the positions
 * @param insuranceFund starting insurance fund balance, USD
 */
public record Scenario(String id, String name, String description, List<String> assumptions, String venue,
                       long seed, Clock clock, Market market, Population population, Book book, Driver driver,
                       double insuranceFund, Rules rules, Heatmap heatmap) {

    public static final int FORMAT_VERSION = 1;

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(heatmap, "heatmap");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    }

    /** Number of ticks the run records (the first frame is the state before tick 1's driver). */
    public int ticks() {
        return clock.ticks();
    }

    /** Simulated time (tick length and run length), in seconds. */
    public record Clock(double tickSeconds, double durationSeconds) {
        public int ticks() {
            return (int) Math.ceil(durationSeconds / tickSeconds - 1e-9);
        }
    }

    /**
     * @param startPrice     book mid and mark at time zero
     * @param markEmaSeconds time constant of the mark's exponential moving average of the mid (0: mark = mid)
     */
    public record Market(double startPrice, double markEmaSeconds) {
    }

    /**
     * Seeded distributions the positions are drawn from.
     *
     * @param longShare share of positions that are long, 0..1
     * @param leverage  histogram of leverage; each position's leverage is capped at its tier's maximum
     */
    public record Population(int positions, double longShare, List<LeverageWeight> leverage, Size size, Entry entry,
                             int referencePositions) {
        public Population {
            leverage = List.copyOf(leverage);
        }

        /** A population calibrated for its own size. */
        public Population(int positions, double longShare, List<LeverageWeight> leverage, Size size, Entry entry) {
            this(positions, longShare, leverage, size, entry, positions);
        }

        /**
         * Factor applied to every drawn notional: {@code referencePositions / positions}. Changing the number of
         * positions samples the same market more (or less) finely; open interest, and so the cascade, stay the
         * same.
         */
        public double sizeScale() {
            return (double) referencePositions / positions;
        }
    }

    public record LeverageWeight(double leverage, double weight) {
    }

    /** Heavy-tailed (Pareto) notional: {@code min * U^(-1/tailAlpha)}, capped at {@code maxNotional}. */
    public record Size(double minNotional, double tailAlpha, double maxNotional) {
    }

    /**
     * Entry prices: normal around {@code startPrice * (1 + shift/100)} with standard deviation
     * {@code spreadPercent} of the start price, shifted separately for longs and shorts.
     */
    public record Entry(double spreadPercent, double longShiftPercent, double shortShiftPercent) {
    }

    /**
     * The order book the forced orders trade into.
     *
     * @param bidDepthPerPercent   resting buy notional per 1% below the mid in calm conditions, USD
     * @param askDepthPerPercent   resting sell notional per 1% above the mid, USD
     * @param thinningMaxPercent   how much of the depth makers pull at full stress (0..99)
     * @param thinningMovePercent  price move over {@code thinningWindowSeconds} at which stress is full
     * @param refillSeconds        time constant at which depth comes back toward its target (resilience)
     * @param pullSeconds          time constant at which depth above its target is pulled
     */
    public record Book(double bidDepthPerPercent, double askDepthPerPercent, Shape shape, double thinningMaxPercent,
                       double thinningMovePercent, double thinningWindowSeconds, double refillSeconds,
                       double pullSeconds, List<VenueDepth> venueDepth) {

        public Book {
            venueDepth = venueDepth == null ? List.of() : List.copyOf(venueDepth);
        }

        /** A book that is the same market whatever the venue. */
        public Book(double bidDepthPerPercent, double askDepthPerPercent, Shape shape, double thinningMaxPercent,
                    double thinningMovePercent, double thinningWindowSeconds, double refillSeconds, double pullSeconds) {
            this(bidDepthPerPercent, askDepthPerPercent, shape, thinningMaxPercent, thinningMovePercent,
                    thinningWindowSeconds, refillSeconds, pullSeconds, List.of());
        }

        /** The share of this book that {@code venue}'s own order book holds (1 where the scenario names none). */
        public double depthShareAt(String venue) {
            for (VenueDepth d : venueDepth) {
                if (d.venue().equals(venue)) {
                    return d.share();
                }
            }
            return 1;
        }

        public enum Shape {
            /** The same depth in every 1% band. */
            FLAT,
            /** Half the depth at the touch, rising linearly to 1.5x at 2% from the mid, flat beyond. */
            RISING;

            public String id() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public Book withDepthMultiplier(double factor) {
            return new Book(bidDepthPerPercent * factor, askDepthPerPercent * factor, shape, thinningMaxPercent,
                    thinningMovePercent, thinningWindowSeconds, refillSeconds, pullSeconds, venueDepth);
        }
    }

    /**
     * One venue's own order book as a share of the scenario's book, which stands for the whole market's depth.
     *
     * @param venue  a venue profile id
     * @param share  the venue's depth per unit of the crowd's open interest against the market's (0 to 1)
     * @param source where the share comes from: the figures and how they were combined
     */
    public record VenueDepth(String venue, double share, String source) {
        public VenueDepth {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be above 0 and at most 1, got " + share);
            }
            source = source == null ? "" : source;
        }
    }

    /**
     * What moves the market from outside the population.
     *
     * @param shock                     an instant jump of the mid, or null
     * @param noisePercentPerSqrtSecond standard deviation of the seeded background noise, % per sqrt(second)
     */
    public record Driver(Shock shock, List<Flow> flows, double noisePercentPerSqrtSecond) {
        public Driver {
            flows = flows == null ? List.of() : List.copyOf(flows);
        }

        /** The same driver with every external flow's notional times {@code factor} (the shock and noise are moves). */
        public Driver withFlowMultiplier(double factor) {
            List<Flow> scaled = flows.stream()
                    .map(f -> new Flow(f.fromSecond(), f.toSecond(), f.notionalPerSecond() * factor)).toList();
            return new Driver(shock, scaled, noisePercentPerSqrtSecond);
        }

        public Driver withShockPercent(double percent) {
            Shock s = shock == null ? new Shock(0, percent) : new Shock(shock.atSecond(), percent);
            return new Driver(s, flows, noisePercentPerSqrtSecond);
        }
    }

    /** Makers pull their quotes and the mid jumps by {@code percent} at {@code atSecond}. */
    public record Shock(double atSecond, double percent) {
    }

    /**
     * A scheduled external market flow from {@code fromSecond} (inclusive) to {@code toSecond} (exclusive):
     * {@code notionalPerSecond} USD per second, negative for selling.
     */
    public record Flow(double fromSecond, double toSecond, double notionalPerSecond) {
    }

    /** Venue-rule switches for what-if runs. */
    public record Rules(boolean partialLiquidation, boolean backstop, AdlMode adl) {
    }

    public enum AdlMode {
        /** The venue profile's ranking. */
        VENUE,
        /** Every profitable opposing position is reduced in proportion to its size. */
        PRO_RATA,
        /** No auto-deleveraging: what the fund cannot pay stays as bad debt. */
        OFF;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The heatmap column of every frame: {@code buckets} price buckets spanning start price +/- rangePercent. */
    public record Heatmap(double rangePercent, int buckets) {
    }

    /**
     * The market as this scenario's venue meets it. The book stands for the whole market's depth; where the
     * scenario gives the venue a smaller share of it ({@link Book#venueDepth}), the venue's liquidation orders meet
     * only that share, and so does the external flow (the venue's part of the market's buying and selling, which
     * keeps the price path without liquidations the market's). Shock and noise are moves, the same everywhere.
     * The crowd stays the scenario's: against a thinner book it weighs more.
     */
    public Scenario atVenueDepth() {
        double share = book.depthShareAt(venue);
        if (share == 1) {
            return this;
        }
        Book own = new Book(book.bidDepthPerPercent() * share, book.askDepthPerPercent() * share, book.shape(),
                book.thinningMaxPercent(), book.thinningMovePercent(), book.thinningWindowSeconds(),
                book.refillSeconds(), book.pullSeconds(), List.of());
        return withBook(own).withDriver(driver.withFlowMultiplier(share));
    }

    public Scenario withVenue(String newVenue) {
        return new Scenario(id, name, description, assumptions, newVenue, seed, clock, market, population, book,
                driver, insuranceFund, rules, heatmap);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(id, name, description, assumptions, venue, newSeed, clock, market, population, book,
                driver, insuranceFund, rules, heatmap);
    }

    public Scenario withPopulation(Population newPopulation) {
        return new Scenario(id, name, description, assumptions, venue, seed, clock, market, newPopulation, book,
                driver, insuranceFund, rules, heatmap);
    }

    public Scenario withPositions(int positions) {
        Population p = population;
        return withPopulation(new Population(positions, p.longShare(), p.leverage(), p.size(), p.entry(),
                p.referencePositions()));
    }

    public Scenario withLongShare(double longShare) {
        Population p = population;
        return withPopulation(new Population(p.positions(), longShare, p.leverage(), p.size(), p.entry(),
                p.referencePositions()));
    }

    public Scenario withLeverage(List<LeverageWeight> leverage) {
        Population p = population;
        return withPopulation(new Population(p.positions(), p.longShare(), leverage, p.size(), p.entry(),
                p.referencePositions()));
    }

    public Scenario withBook(Book newBook) {
        return new Scenario(id, name, description, assumptions, venue, seed, clock, market, population, newBook,
                driver, insuranceFund, rules, heatmap);
    }

    public Scenario withDriver(Driver newDriver) {
        return new Scenario(id, name, description, assumptions, venue, seed, clock, market, population, book,
                newDriver, insuranceFund, rules, heatmap);
    }

    public Scenario withRules(Rules newRules) {
        return new Scenario(id, name, description, assumptions, venue, seed, clock, market, population, book,
                driver, insuranceFund, newRules, heatmap);
    }

    public Scenario withDuration(double seconds) {
        return new Scenario(id, name, description, assumptions, venue, seed, new Clock(clock.tickSeconds(), seconds),
                market, population, book, driver, insuranceFund, rules, heatmap);
    }
}
