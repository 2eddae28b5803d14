package io.liqlab.sim;

import io.liqlab.TestProfiles;
import io.liqlab.core.VenueRules;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Scenarios built in code for the simulator tests: hand-built ones for single rules, seeded random ones for invariants. */
final class SimFixtures {

    /** Every shipped venue profile the simulator can run. */
    static final List<String> VENUES = List.of("binance-usdm-btc", "bybit-linear-btc", "dydx-v4-btc", "gte-btc",
            "hyperliquid-btc", "okx-swap-btc", "textbook");

    private SimFixtures() {
    }

    static VenueRules rules(String venue) {
        return TestProfiles.get(venue).rules();
    }

    static VenueRules rules(Scenario scenario) {
        return rules(scenario.venue());
    }

    /** Everything switched on as the venue has it. */
    static final Scenario.Rules VENUE_RULES = new Scenario.Rules(true, true, Scenario.AdlMode.VENUE);

    /**
     * A tiny market for one rule: no noise, no thinning, a flat book of {@code depthPerPercent} on each side,
     * mark = mid, the given shock and flows. The population section is ignored by {@code runWith}.
     */
    static final class Hand {
        String venue = "binance-usdm-btc";
        double start = 60_000;
        double depthPerPercent = 100e6;
        Scenario.Shock shock;
        List<Scenario.Flow> flows = new ArrayList<>();
        double fund = 1_000_000;
        Scenario.Rules rules = VENUE_RULES;
        double seconds = 20;
        double heatRangePercent = 50;
        int heatBuckets = 100;
        /** The venue's rules as shipped unless a test gives its own (a vault of another capital, say). */
        VenueRules venueRules;

        Hand venue(String v) {
            venue = v;
            return this;
        }

        Hand start(double p) {
            start = p;
            return this;
        }

        Hand depth(double d) {
            depthPerPercent = d;
            return this;
        }

        Hand shock(double atSecond, double percent) {
            shock = new Scenario.Shock(atSecond, percent);
            return this;
        }

        Hand flow(double from, double to, double notionalPerSecond) {
            flows.add(new Scenario.Flow(from, to, notionalPerSecond));
            return this;
        }

        Hand fund(double f) {
            fund = f;
            return this;
        }

        Hand rules(boolean partial, boolean backstop, Scenario.AdlMode adl) {
            rules = new Scenario.Rules(partial, backstop, adl);
            return this;
        }

        Hand venueRules(VenueRules r) {
            venueRules = r;
            return this;
        }

        Hand seconds(double s) {
            seconds = s;
            return this;
        }

        Scenario build() {
            Scenario.Population unused = new Scenario.Population(1, 0.5, List.of(new Scenario.LeverageWeight(10, 1)),
                    new Scenario.Size(1_000, 1.5, 1e6), new Scenario.Entry(1, 0, 0));
            Scenario.Book book = new Scenario.Book(depthPerPercent, depthPerPercent, Scenario.Book.Shape.FLAT, 0, 5, 60,
                    30, 2);
            return new Scenario("hand", "hand", "", List.of(), venue, 1, new Scenario.Clock(1, seconds),
                    new Scenario.Market(start, 0), unused, book, new Scenario.Driver(shock, flows, 0), fund, rules,
                    new Scenario.Heatmap(heatRangePercent, heatBuckets));
        }

        SimulationResult run(Simulator.PlacedPosition... positions) {
            return Simulator.runWith(build(), venueRules != null ? venueRules : SimFixtures.rules(venue), List.of(positions));
        }
    }

    static Hand hand() {
        return new Hand();
    }

    static Simulator.PlacedPosition longPos(double entry, double quantity, double margin) {
        return new Simulator.PlacedPosition(1, entry, quantity, margin);
    }

    static Simulator.PlacedPosition shortPos(double entry, double quantity, double margin) {
        return new Simulator.PlacedPosition(-1, entry, quantity, margin);
    }

    /**
     * A seeded random scenario over the whole space the what-if controls reach: any venue, a shock of -15..+15%
     * (or none), depth, leverage mix, long share, flows, noise, partial/backstop on or off, ADL by the venue,
     * pro rata or off; 200..3000 positions. Venue and ADL mode cycle with the seed; the rest is drawn.
     */
    static Scenario random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        // Venue and ADL mode cycle with the seed (7 and 3 are coprime), so 21 consecutive seeds reach every pair.
        String venue = VENUES.get(Math.floorMod(seed, VENUES.size()));
        Scenario.AdlMode adl = Scenario.AdlMode.values()[Math.floorMod(seed, 3)];
        double start = 20_000 + r.nextDouble() * 100_000;
        double seconds = 120 + r.nextInt(480);
        int positions = 200 + r.nextInt(2_801);
        double[] levels = {1, 2, 3, 5, 10, 20, 25, 50, 75, 100};
        List<Scenario.LeverageWeight> leverage = new ArrayList<>();
        for (double l : levels) {
            if (r.nextDouble() < 0.5) {
                leverage.add(new Scenario.LeverageWeight(l, 0.05 + r.nextDouble()));
            }
        }
        if (leverage.isEmpty()) {
            leverage.add(new Scenario.LeverageWeight(20, 1));
        }
        double minNotional = 500 + r.nextDouble() * 5_000;
        Scenario.Population population = new Scenario.Population(positions, 0.1 + 0.8 * r.nextDouble(), leverage,
                new Scenario.Size(minNotional, 1.1 + r.nextDouble() * 1.5, minNotional * (100 + r.nextDouble() * 5_000)),
                new Scenario.Entry(0.3 + r.nextDouble() * 3, -2 + 4 * r.nextDouble(), -2 + 4 * r.nextDouble()));
        // Depth from very thin (a runaway) to very deep (absorbs everything), log-uniform.
        double depth = Math.pow(10, 5 + 3 * r.nextDouble());
        Scenario.Book book = new Scenario.Book(depth, depth * (0.5 + r.nextDouble()),
                r.nextBoolean() ? Scenario.Book.Shape.FLAT : Scenario.Book.Shape.RISING, r.nextInt(91),
                1 + r.nextDouble() * 9, 10 + r.nextInt(110), 1 + r.nextDouble() * 60, 0.5 + r.nextDouble() * 5);
        Scenario.Shock shock = r.nextDouble() < 0.85
                ? new Scenario.Shock(r.nextInt((int) seconds / 3), -15 + 30 * r.nextDouble()) : null;
        List<Scenario.Flow> flows = new ArrayList<>();
        int flowCount = r.nextInt(3);
        for (int k = 0; k < flowCount; k++) {
            double from = r.nextInt((int) seconds / 2);
            double to = from + 1 + r.nextInt((int) seconds / 2);
            flows.add(new Scenario.Flow(from, to, (r.nextDouble() - 0.6) * depth * 0.05));
        }
        double noise = r.nextDouble() < 0.3 ? 0 : r.nextDouble() * 0.1;
        Scenario.Rules rules = new Scenario.Rules(r.nextDouble() < 0.7, r.nextDouble() < 0.7, adl);
        double fund = r.nextDouble() < 0.3 ? 0 : Math.pow(10, 2 + 5 * r.nextDouble());
        return new Scenario("random-" + seed, "random " + seed, "", List.of(), venue, r.nextLong(),
                new Scenario.Clock(1, seconds), new Scenario.Market(start, r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 5),
                population, book, new Scenario.Driver(shock, flows, noise), fund, rules, new Scenario.Heatmap(25, 50));
    }
}
