package io.liqlab.profile;

import io.liqlab.core.AdlRule;
import io.liqlab.core.Backstop;
import io.liqlab.core.ContractSpec;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import io.liqlab.profile.VenueProfile.AmountSource;
import io.liqlab.profile.VenueProfile.LaunchParameters;
import io.liqlab.profile.VenueProfile.Origin;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a venue profile file and checks every rule of the format, collecting all problems rather than stopping
 * at the first, each with the file, the JSON path and what is allowed.
 */
public final class ProfileReader {

    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = StrictJson.MAX_FILE_BYTES;
    /** JSON nested deeper than this is refused; a profile needs four levels. */
    public static final int MAX_NESTING_DEPTH = StrictJson.MAX_NESTING_DEPTH;
    /**
     * Format 2 adds market files that name their venue's rules ({@code venueRules}) and the listing fields; format 1
     * files (every field in one file) are still read as they are, never rewritten.
     */
    public static final int FORMAT_VERSION = 2;
    public static final int MAX_TIERS = 100;
    public static final double MAX_LEVERAGE = 1000;
    /** A profile's name is shown in lists and titles; as for scenario names, 200 characters is plenty. */
    public static final int MAX_NAME_CHARS = 200;

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Whether {@code id} is a valid profile id: 1 to 64 lowercase letters, digits or '-'. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
    private static final Set<String> CONFIDENCE = Set.of("exact", "high", "medium", "low");

    private final StrictJson json = new StrictJson("profile");
    private final VenueRulesLibrary venueRules;

    /** A reader composing market files with the shipped venue rules. */
    public ProfileReader() {
        this(null);
    }

    /** A reader composing market files with {@code venueRules} (null: the shipped ones, read when first needed). */
    public ProfileReader(VenueRulesLibrary venueRules) {
        this.venueRules = venueRules;
    }

    /** The venue rules market files are composed with. */
    public VenueRulesLibrary venueRules() {
        return venueRules == null ? VenueRulesLibrary.shipped() : venueRules;
    }

    /** Reads and validates {@code file}; read errors name the path, validation problems the file name. */
    public VenueProfile read(Path file, Origin.Kind kind) throws ProfileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = json.readFile(file);
        } catch (StrictJson.Failure f) {
            throw problem(f);
        }
        return read(name, bytes, new Origin(kind, file.toString()));
    }

    /** Reads and validates a profile from a stream (a bundled resource), refusing more than 1 MiB. */
    public VenueProfile read(String fileName, InputStream in, Origin origin) throws ProfileException {
        try {
            return read(fileName, json.readStream(fileName, in), origin);
        } catch (StrictJson.Failure f) {
            throw problem(f);
        }
    }

    /** Parses and validates {@code bytes}; {@code fileName} appears in every message. */
    public VenueProfile read(String fileName, byte[] bytes, Origin origin) throws ProfileException {
        JsonNode root;
        try {
            root = json.parse(fileName, bytes);
        } catch (StrictJson.Failure f) {
            throw problem(f);
        }
        Validated result = validate(fileName, root, origin);
        if (!result.isValid()) {
            throw new ProfileException(result.problems());
        }
        return result.profile();
    }

    /**
     * A profile held as a JSON tree (an editor's model of the file, see {@link ProfileWriter#toTree}) checked by every
     * rule of the format without writing it out and parsing it again: the profile, or every problem, each located
     * by tier and field ({@link ProfileProblem#tier()}, {@link ProfileProblem#field()}) as well as by JSON path.
     */
    public Validated validate(String fileName, JsonNode tree, Origin origin) {
        Validation v = new Validation(fileName);
        JsonNode root = tree;
        if (root.isObject() && root.has("venueRules")) {
            root = compose(v, (tools.jackson.databind.node.ObjectNode) root);
            if (root == null) {
                return new Validated(null, v.problems);
            }
        }
        VenueProfile profile = parseProfile(v, new Obj(v, root, At.ROOT), origin);
        return new Validated(v.problems.isEmpty() ? profile : null, v.problems);
    }

    /** What {@link #validate} found: the profile when there is no problem, else null and the problems. */
    public record Validated(VenueProfile profile, List<ProfileProblem> problems) {
        public Validated {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return profile != null && problems.isEmpty();
        }

        /** The problems of the tier at {@code index}'s {@code field}. */
        public List<ProfileProblem> at(int index, String field) {
            return problems.stream().filter(p -> p.tier() == index && p.field().equals(field)).toList();
        }
    }

    /** A market file with the fields of the venue rules it names; null (with problems) when it names none known. */
    private tools.jackson.databind.node.ObjectNode compose(Validation v, tools.jackson.databind.node.ObjectNode market) {
        JsonNode name = market.get("venueRules");
        VenueRulesLibrary library = venueRules();
        if (name == null || !name.isString() || library.find(name.stringValue()).isEmpty()) {
            v.add(At.ROOT.child("venueRules"), "must name the venue rules this market uses, one of " + String.join(", ", library.ids())
                    + ", got " + (name != null && name.isString() ? "'" + name.stringValue() + "'" : kind(name)));
            return null;
        }
        int before = v.problems.size();
        for (String field : VenueRulesLibrary.VENUE_ONLY) {
            if (market.has(field)) {
                v.add(At.ROOT.child(field), "comes from the venue rules '" + name.stringValue() + "'; leave it out of a market file");
            }
        }
        if (v.problems.size() > before) {
            return null;
        }
        return VenueRulesLibrary.compose(library.find(name.stringValue()).orElseThrow(), market);
    }

    private static ProfileException problem(StrictJson.Failure f) {
        return new ProfileException(ProfileProblem.of(f));
    }

    // ---- the format ------------------------------------------------------------------------------------------

    private static final List<String> ROOT_FIELDS = List.of("$schema", "formatVersion", "id", "name", "venue", "market",
            "ruleFamily", "tierBasis", "contractValue", "takerFeeInTrigger", "openInterestCaps", "launchParameters",
            "tiers", "liquidationFee", "partialLiquidation", "backstop", "insuranceFund", "adl", "maintenanceMargin",
            "tierSelection", "liquidationTrigger", "markPrice", "notes", "provenance",
            "venueRules", "symbol", "base", "quote", "tickSize", "partialSchedule", "contractType");

    private VenueProfile parseProfile(Validation v, Obj root, Origin origin) {
        if (!root.node.isObject()) {
            v.add(At.ROOT, "must be a JSON object with the profile's fields, got " + kind(root.node));
            return null;
        }
        root.allowOnly(ROOT_FIELDS);
        Double version = root.number("formatVersion", true, Range.atLeast(1));
        if (version != null && (version != Math.rint(version) || version > FORMAT_VERSION)) {
            v.add(At.ROOT.child("formatVersion"), version > FORMAT_VERSION
                    ? "this file uses format " + fmt(version) + ", written by a newer LiqLab; this version reads formats 1 to " + FORMAT_VERSION
                    : "must be a whole number from 1 to " + FORMAT_VERSION + ", got " + fmt(version));
        }
        String id = root.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            v.add(At.ROOT.child("id"), "must be 1 to 64 lowercase letters, digits or '-', starting with a letter or digit, got '" + id + "'");
        }
        String name = root.string("name", true);
        if (name != null && name.length() > MAX_NAME_CHARS) {
            v.add(At.ROOT.child("name"), "must be at most " + MAX_NAME_CHARS + " characters, was " + name.length());
        }
        String venue = root.string("venue", false);
        String market = root.string("market", false);
        String venueRulesId = root.node.has("venueRules") ? root.node.get("venueRules").stringValue() : null;
        String symbol = root.string("symbol", false);
        String base = root.string("base", false);
        String quote = root.string("quote", false);
        Double tick = root.number("tickSize", false, Range.above(0));
        String partialSchedule = root.string("partialSchedule", false);

        // Format 2 markets may be coin-margined: "contractType": "inverse" with "contractValue" in USD per contract.
        String contractType = root.string("contractType", false);
        boolean inverse = false;
        if (contractType != null) {
            switch (contractType) {
                case "linear" -> inverse = false;
                case "inverse" -> inverse = true;
                default -> v.add(At.ROOT.child("contractType"), "must be linear or inverse (coin-margined), got '" + contractType + "'");
            }
        }
        Double inverseContractValue = inverse ? root.number("contractValue", true, Range.above(0)) : null;

        String familyId = root.string("ruleFamily", true);
        String basisId = root.string("tierBasis", false);
        TierSchedule.Basis basis = TierSchedule.Basis.NOTIONAL;
        if (basisId != null) {
            switch (basisId) {
                case "notional" -> basis = TierSchedule.Basis.NOTIONAL;
                case "contracts" -> basis = TierSchedule.Basis.CONTRACTS;
                default -> v.add(At.ROOT.child("tierBasis"), "must be notional or contracts, got '" + basisId + "'");
            }
        }
        RuleFamily family = null;
        if (familyId != null) {
            family = switch (familyId) {
                case RuleFamily.MaintenanceAtLiquidationNotional.ID -> new RuleFamily.MaintenanceAtLiquidationNotional();
                case RuleFamily.MaintenanceOnEntryNotional.ID -> new RuleFamily.MaintenanceOnEntryNotional();
                case RuleFamily.FeeInTrigger.ID -> {
                    Double fee = root.number("takerFeeInTrigger", true, Range.closedOpen(0, 1));
                    Double contractValue = root.number("contractValue", true, Range.above(0));
                    yield fee == null || contractValue == null ? null : new RuleFamily.FeeInTrigger(fee, contractValue);
                }
                case RuleFamily.FixedMaintenanceFraction.ID -> {
                    Obj caps = root.object("openInterestCaps", false);
                    double lower = 0;
                    double upper = 0;
                    if (caps != null) {
                        caps.allowOnly(List.of("lower", "upper", "liquidityTier", "note"));
                        Double lo = caps.number("lower", true, Range.atLeast(0));
                        Double hi = caps.number("upper", true, Range.atLeast(0));
                        caps.string("liquidityTier", false);
                        caps.string("note", false);
                        if (lo != null && hi != null) {
                            if (hi < lo) {
                                v.add(caps.at.child("upper"), "must be at least the lower cap (" + fmt(lo) + "), got " + fmt(hi));
                            }
                            lower = lo;
                            upper = hi;
                        }
                    }
                    yield new RuleFamily.FixedMaintenanceFraction(lower, upper);
                }
                default -> {
                    v.add(At.ROOT.child("ruleFamily"), "must be one of " + String.join(", ", RuleFamily.MaintenanceAtLiquidationNotional.ID,
                            RuleFamily.MaintenanceOnEntryNotional.ID, RuleFamily.FeeInTrigger.ID, RuleFamily.FixedMaintenanceFraction.ID)
                            + ", got '" + familyId + "'");
                    yield null;
                }
            };
            boolean contracts = basis == TierSchedule.Basis.CONTRACTS;
            if (RuleFamily.FeeInTrigger.ID.equals(familyId) != contracts && family != null) {
                v.add(At.ROOT.child("tierBasis"), contracts ? "contracts is only for the " + RuleFamily.FeeInTrigger.ID + " family (it needs a contract value)"
                        : "must be contracts for the " + RuleFamily.FeeInTrigger.ID + " family, which tiers by contract count");
            }
            for (String familyOnly : List.of("takerFeeInTrigger", "contractValue")) {
                if (root.node.has(familyOnly) && !RuleFamily.FeeInTrigger.ID.equals(familyId) && !(inverse && familyOnly.equals("contractValue"))) {
                    v.add(At.ROOT.child(familyOnly), "belongs to the " + RuleFamily.FeeInTrigger.ID + " family only"
                            + (familyOnly.equals("contractValue") ? " (or to an inverse market, \"contractType\": \"inverse\", where it is USD per contract)" : ""));
                }
            }
            for (String familyOnly : List.of("openInterestCaps", "launchParameters")) {
                if (root.node.has(familyOnly) && !RuleFamily.FixedMaintenanceFraction.ID.equals(familyId)) {
                    v.add(At.ROOT.child(familyOnly), "belongs to the " + RuleFamily.FixedMaintenanceFraction.ID + " family only");
                }
            }
        }

        List<AmountSource> sources = new ArrayList<>();
        List<Tier> tiers = parseTiers(v, root, familyId, basis, sources);

        double feeRate = 0;
        Obj fee = root.object("liquidationFee", true);
        if (fee != null) {
            fee.allowOnly(List.of("rate", "note"));
            Double rate = fee.number("rate", true, Range.closedOpen(0, 1));
            feeRate = rate == null ? 0 : rate;
            fee.string("note", false);
        }
        PartialLiquidation partial = parsePartial(v, root.object("partialLiquidation", true));
        Backstop backstop = null;
        Obj back = root.objectOrNull("backstop");
        if (back != null) {
            back.allowOnly(List.of("equityFraction", "trigger", "taker", "vaultCapital", "vaultCapitalSource",
                    "replacesInsuranceFund"));
            Double k = back.number("equityFraction", true, Range.open(0, 1));
            back.string("trigger", false);
            String taker = back.string("taker", false);
            // The vault's capital (Hyperliquid's liquidator): without it the backstop never runs out.
            Double capital = back.number("vaultCapital", false, Range.above(0));
            String capitalSource = back.string("vaultCapitalSource", capital != null);
            boolean replacesFund = back.bool("replacesInsuranceFund");
            if (k != null) {
                backstop = new Backstop(k, taker == null ? "" : taker,
                        capital == null ? Double.POSITIVE_INFINITY : capital, orEmpty(capitalSource), replacesFund);
            }
        }
        Obj insurance = root.object("insuranceFund", false);
        String insuranceNote = "";
        if (insurance != null) {
            insurance.allowOnly(List.of("note"));
            insuranceNote = orEmpty(insurance.string("note", false));
        }
        AdlRule adl = null;
        String adlNote = "";
        Obj adlNode = root.object("adl", true);
        if (adlNode != null) {
            adlNode.allowOnly(List.of("ranking", "closePrice", "note"));
            AdlRule.Ranking ranking = adlNode.choice("ranking", true, AdlRule.Ranking.values(), AdlRule.Ranking::id);
            AdlRule.ClosePrice close = adlNode.choice("closePrice", true, AdlRule.ClosePrice.values(), AdlRule.ClosePrice::id);
            adlNote = orEmpty(adlNode.string("note", false));
            if (ranking != null && close != null) {
                adl = new AdlRule(ranking, close);
            }
        }
        LaunchParameters launch = null;
        Obj launchNode = root.object("launchParameters", false);
        if (launchNode != null) {
            launchNode.allowOnly(List.of("initialMarginFraction", "maintenanceMarginRate", "maxLeverage"));
            Double imf = launchNode.number("initialMarginFraction", true, Range.open(0, 1));
            Double mmf = launchNode.number("maintenanceMarginRate", true, Range.open(0, 1));
            Double lev = launchNode.number("maxLeverage", true, Range.closed(1, MAX_LEVERAGE));
            if (imf != null && mmf != null && lev != null) {
                launch = new LaunchParameters(imf, mmf, lev);
            }
        }
        ProfileText text = new ProfileText(orEmpty(root.string("maintenanceMargin", false)),
                orEmpty(root.string("tierSelection", false)), orEmpty(root.string("liquidationTrigger", false)),
                orEmpty(root.string("markPrice", false)), fee == null ? "" : orEmpty(fee.node.path("note").stringValue(null)),
                partialNote(root), back == null ? "" : orEmpty(back.node.path("taker").stringValue(null)),
                insuranceNote, adlNote, orEmpty(root.string("notes", false)));
        Provenance provenance = parseProvenance(v, root.object("provenance", true));

        if (!v.problems.isEmpty() || family == null || tiers == null || partial == null || adl == null || provenance == null) {
            return null;
        }
        if (inverse && inverseContractValue == null) {
            return null;
        }
        VenueRules rules = new VenueRules(family, new TierSchedule(basis, tiers, partialSchedule), feeRate, partial, backstop, adl,
                inverse ? ContractSpec.inverse(inverseContractValue) : ContractSpec.LINEAR);
        VenueProfile.Listing listing = new VenueProfile.Listing(venueRulesId, symbol, base, quote, tick == null ? Double.NaN : tick);
        return new VenueProfile(id, name, orEmpty(venue), orEmpty(market), rules, sources, launch, text, provenance, origin, listing);
    }

    private static String partialNote(Obj root) {
        JsonNode note = root.node.path("partialLiquidation").path("note");
        return note.isString() ? note.stringValue() : "";
    }

    private static final List<String> TIER_FIELDS = List.of("tier", "floor", "cap", "maxLeverage", "maintenanceMarginRate",
            "maintenanceAmount", "maintenanceAmountOverride", "initialMarginRate");

    private List<Tier> parseTiers(Validation v, Obj root, String familyId, TierSchedule.Basis basis, List<AmountSource> sources) {
        JsonNode array = root.node.get("tiers");
        if (array == null) {
            v.add(At.ROOT.child("tiers"), "is required: a list of at least one tier");
            return null;
        }
        if (!array.isArray() || array.isEmpty() || array.size() > MAX_TIERS) {
            v.add(At.ROOT.child("tiers"), "must be a list of 1 to " + MAX_TIERS + " tiers, got " + (array.isArray() ? array.size() + " tiers" : kind(array)));
            return null;
        }
        boolean noAmounts = RuleFamily.FeeInTrigger.ID.equals(familyId);
        String unit = basis == TierSchedule.Basis.CONTRACTS ? "contracts" : "notional";
        int problemsBefore = v.problems.size();
        List<Tier> tiers = new ArrayList<>();
        double prevCap = 0;
        double prevRate = 0;
        double prevAmount = 0;
        double prevLeverage = Double.POSITIVE_INFINITY;
        for (int i = 0; i < array.size(); i++) {
            At path = At.tier(i);
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                v.add(path, "must be an object with floor, cap, maxLeverage and maintenanceMarginRate, got " + kind(node));
                return null;
            }
            Obj t = new Obj(v, node, path);
            t.allowOnly(TIER_FIELDS);
            Double number = t.number("tier", false, Range.atLeast(1));
            if (number != null && number != i + 1) {
                v.add(path.child("tier"), "must be " + (i + 1) + " (tiers are numbered from 1 in order), got " + fmt(number));
            }
            Double floor = t.number("floor", true, Range.atLeast(0));
            boolean last = i == array.size() - 1;
            Double cap;
            if (node.has("cap") && node.get("cap").isNull()) {
                if (!last) {
                    v.add(path.child("cap"), "may be null (unbounded) only on the last tier; give this tier's upper " + unit);
                }
                cap = Double.POSITIVE_INFINITY;
            } else {
                cap = t.number("cap", true, Range.above(0));
            }
            Double leverage = t.number("maxLeverage", true, Range.closed(1, MAX_LEVERAGE));
            Double rate = t.number("maintenanceMarginRate", true, Range.open(0, 1));
            Double imr = t.number("initialMarginRate", false, Range.openClosed(0, 1));
            boolean override = t.bool("maintenanceAmountOverride");
            Double amount = t.number("maintenanceAmount", false, Range.atLeast(0));

            if (floor != null) {
                if (i == 0 && floor != 0) {
                    v.add(path.child("floor"), "the first tier must start at 0, got " + fmt(floor));
                } else if (i > 0 && floor != prevCap && Double.isFinite(prevCap)) {
                    v.add(path.child("floor"), (floor > prevCap ? "leaves a gap" : "overlaps the previous tier")
                            + ": tiers must be contiguous, so this floor must equal tier " + i + "'s cap, " + fmt(prevCap) + ", got " + fmt(floor));
                }
                if (cap != null && cap <= floor) {
                    v.add(path.child("cap"), "must be greater than the floor (" + fmt(floor) + "), got " + fmt(cap));
                }
            }
            if (leverage != null) {
                if (leverage > prevLeverage) {
                    v.add(path.child("maxLeverage"), "must not increase from one tier to the next: at most " + fmt(prevLeverage)
                            + " (tier " + i + "), got " + fmt(leverage));
                }
                if (rate != null && rate >= 1 / leverage) {
                    v.add(path.child("maintenanceMarginRate"), "must be below 1/maxLeverage = " + fmt(1 / leverage)
                            + " (else the position is liquidatable at entry at the maximum leverage), got " + fmt(rate));
                }
            }
            if (imr != null && rate != null && imr <= rate) {
                v.add(path.child("initialMarginRate"), "must be above the maintenance rate (" + fmt(rate) + "), got " + fmt(imr));
            }
            double derived = Double.NaN;
            AmountSource source = AmountSource.DERIVED;
            if (noAmounts) {
                if (amount != null && amount != 0) {
                    v.add(path.child("maintenanceAmount"), "must be 0 or left out: the " + familyId + " family has no maintenance amount (maintenance jumps at a tier boundary)");
                }
                if (override) {
                    v.add(path.child("maintenanceAmountOverride"), "does not apply: the " + familyId + " family has no maintenance amount");
                }
                derived = 0;
                source = amount == null ? AmountSource.DERIVED : AmountSource.GIVEN;
            } else if (floor != null && rate != null) {
                derived = i == 0 ? 0 : TierSchedule.continuityAmount(prevAmount, floor, rate, prevRate);
                if (amount == null) {
                    if (override) {
                        v.add(path.child("maintenanceAmount"), "is required when maintenanceAmountOverride is true");
                    }
                } else if (override) {
                    derived = amount;
                    source = AmountSource.OVERRIDE;
                } else if (Math.abs(amount - derived) > 1e-6 * Math.max(1, Math.abs(derived))) {
                    v.add(path.child("maintenanceAmount"), "must follow the continuity rule A_n = A_(n-1) + floor_n x (mmr_n - mmr_(n-1)) = "
                            + fmt(derived) + ", got " + fmt(amount)
                            + " (leave it out to derive it, or set maintenanceAmountOverride: true if the venue publishes this value)");
                    derived = amount;
                } else {
                    source = AmountSource.GIVEN;
                }
            }
            if (floor != null && cap != null && leverage != null && rate != null) {
                tiers.add(new Tier(i + 1, floor, cap, leverage, rate, derived, imr == null ? Double.NaN : imr));
                sources.add(source);
            }
            prevCap = cap == null ? Double.NaN : cap;
            prevRate = rate == null ? prevRate : rate;
            prevAmount = Double.isNaN(derived) ? prevAmount : derived;
            prevLeverage = leverage == null ? prevLeverage : leverage;
        }
        return v.problems.size() == problemsBefore ? tiers : null;
    }

    private PartialLiquidation parsePartial(Validation v, Obj node) {
        if (node == null) {
            return null;
        }
        node.allowOnly(List.of("rule", "thresholdNotional", "thresholdInclusive", "fraction", "cooldownSeconds",
                "fromTier", "tiersPerStep", "note"));
        node.string("note", false);
        String rule = node.string("rule", true);
        if (rule == null) {
            return null;
        }
        List<String> ruleFields = switch (rule) {
            case PartialLiquidation.Fraction.ID -> List.of("thresholdNotional", "thresholdInclusive", "fraction", "cooldownSeconds");
            case PartialLiquidation.TierStepDown.ID -> List.of("fromTier", "tiersPerStep");
            default -> List.of();
        };
        for (String f : List.of("thresholdNotional", "thresholdInclusive", "fraction", "cooldownSeconds", "fromTier", "tiersPerStep")) {
            if (node.node.has(f) && !ruleFields.contains(f)) {
                v.add(node.at.child(f), "does not apply to the rule '" + rule + "'");
            }
        }
        return switch (rule) {
            case PartialLiquidation.Whole.ID -> new PartialLiquidation.Whole();
            case PartialLiquidation.IocOrderFirst.ID -> new PartialLiquidation.IocOrderFirst();
            case PartialLiquidation.PerBlockLimits.ID -> new PartialLiquidation.PerBlockLimits();
            case PartialLiquidation.Fraction.ID -> {
                Double threshold = node.number("thresholdNotional", true, Range.atLeast(0));
                boolean inclusive = node.bool("thresholdInclusive");
                Double fraction = node.number("fraction", true, Range.openClosed(0, 1));
                Double cooldown = node.number("cooldownSeconds", false, Range.atLeast(0));
                yield threshold == null || fraction == null ? null
                        : new PartialLiquidation.Fraction(threshold, inclusive, fraction, cooldown == null ? 0 : cooldown);
            }
            case PartialLiquidation.TierStepDown.ID -> {
                Double from = node.number("fromTier", true, Range.atLeast(1));
                Double step = node.number("tiersPerStep", true, Range.atLeast(1));
                if (from != null && from != Math.rint(from)) {
                    v.add(node.at.child("fromTier"), "must be a whole tier number, got " + fmt(from));
                }
                if (step != null && step != Math.rint(step)) {
                    v.add(node.at.child("tiersPerStep"), "must be a whole number of tiers, got " + fmt(step));
                }
                yield from == null || step == null ? null : new PartialLiquidation.TierStepDown(from.intValue(), step.intValue());
            }
            default -> {
                v.add(node.at.child("rule"), "must be one of whole, ioc-order-first, fraction, tier-step-down, per-block-limits, got '" + rule + "'");
                yield null;
            }
        };
    }

    private Provenance parseProvenance(Validation v, Obj node) {
        if (node == null) {
            return null;
        }
        node.allowOnly(List.of("asOf", "asOfNote", "confidence", "confidenceNote", "sources", "standIns"));
        String asOf = node.string("asOf", true);
        String confidence = node.string("confidence", true);
        if (confidence != null && !CONFIDENCE.contains(confidence)) {
            v.add(node.at.child("confidence"), "must be one of exact, high, medium, low, got '" + confidence + "'");
        }
        List<String> sources = new ArrayList<>();
        JsonNode src = node.node.get("sources");
        if (src == null || !src.isArray() || src.isEmpty()) {
            v.add(node.at.child("sources"), "is required: a list of at least one source (documentation page, code, announcement)");
        } else {
            for (int i = 0; i < src.size(); i++) {
                if (src.get(i).isString() && !src.get(i).stringValue().isBlank()) {
                    sources.add(src.get(i).stringValue());
                } else {
                    v.add(node.at.child("sources").index(i), "must be a non-empty string, got " + kind(src.get(i)));
                }
            }
        }
        List<Provenance.StandIn> standIns = new ArrayList<>();
        JsonNode si = node.node.get("standIns");
        if (si != null) {
            if (!si.isArray()) {
                v.add(node.at.child("standIns"), "must be a list of {values, note}, got " + kind(si));
            } else {
                for (int i = 0; i < si.size(); i++) {
                    At p = node.at.child("standIns").index(i);
                    if (!si.get(i).isObject()) {
                        v.add(p, "must be an object {values, note}, got " + kind(si.get(i)));
                        continue;
                    }
                    Obj o = new Obj(v, si.get(i), p);
                    o.allowOnly(List.of("values", "note"));
                    String values = o.string("values", true);
                    String note = o.string("note", true);
                    if (values != null && note != null) {
                        standIns.add(new Provenance.StandIn(values, note));
                    }
                }
            }
        }
        String asOfNote = node.string("asOfNote", false);
        String confidenceNote = node.string("confidenceNote", false);
        if (asOf == null || confidence == null) {
            return null;
        }
        return new Provenance(asOf, orEmpty(asOfNote), confidence, orEmpty(confidenceNote), sources, standIns);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** How a value reads in a message; numbers as Java writes them (1.0E20). */
    static String kind(JsonNode node) {
        return StrictJson.kind(node, n -> String.valueOf(n.numberValue()));
    }

    /** A number in a message; an open-ended cap is "unbounded". */
    static String fmt(double v) {
        return v == Double.POSITIVE_INFINITY ? "unbounded" : StrictJson.fmt(v);
    }

    private static final class Validation {
        final String file;
        final List<ProfileProblem> problems = new ArrayList<>();

        Validation(String file) {
            this.file = file;
        }

        void add(At at, String message) {
            problems.add(at.tier() < 0 ? ProfileProblem.ofField(file, at.field(), message)
                    : ProfileProblem.ofTier(file, at.tier(), at.field(), message));
        }
    }

    /** Where a problem is: the index of the tier it is in (-1 outside the tiers) and the field path within. */
    private record At(int tier, String field) {
        static final At ROOT = new At(-1, "");

        static At tier(int index) {
            return new At(index, "");
        }

        At child(String name) {
            return new At(tier, field.isEmpty() ? name : field + "." + name);
        }

        At index(int i) {
            return new At(tier, field + "[" + i + "]");
        }
    }

    /** An allowed range for a number, with the words that describe it. */
    private record Range(double lo, double hi, boolean loIncl, boolean hiIncl, String words) {
        static Range open(double lo, double hi) {
            return new Range(lo, hi, false, false, "a number in (" + fmt(lo) + ", " + fmt(hi) + ")");
        }

        static Range closed(double lo, double hi) {
            return new Range(lo, hi, true, true, "a number in [" + fmt(lo) + ", " + fmt(hi) + "]");
        }

        static Range closedOpen(double lo, double hi) {
            return new Range(lo, hi, true, false, "a number in [" + fmt(lo) + ", " + fmt(hi) + ")");
        }

        static Range openClosed(double lo, double hi) {
            return new Range(lo, hi, false, true, "a number in (" + fmt(lo) + ", " + fmt(hi) + "]");
        }

        static Range above(double lo) {
            return new Range(lo, Double.POSITIVE_INFINITY, false, false, "a finite number greater than " + fmt(lo));
        }

        static Range atLeast(double lo) {
            return new Range(lo, Double.POSITIVE_INFINITY, true, false, "a finite number of at least " + fmt(lo));
        }

        boolean contains(double x) {
            return Double.isFinite(x) && (loIncl ? x >= lo : x > lo) && (hiIncl ? x <= hi : x < hi);
        }
    }

    /** A JSON object at a path, with typed, checked field access. */
    private static final class Obj {
        final Validation v;
        final JsonNode node;
        final At at;

        Obj(Validation v, JsonNode node, At at) {
            this.v = v;
            this.node = node;
            this.at = at;
        }

        void allowOnly(List<String> allowed) {
            StrictJson.allowOnly(node, allowed, (name, message) -> v.add(at.child(name), message));
        }

        String string(String name, boolean required) {
            JsonNode n = node.get(name);
            if (n == null || (n.isNull() && !required)) {
                if (required) {
                    v.add(at.child(name), "is required: a non-empty string");
                }
                return null;
            }
            if (!n.isString() || n.stringValue().isBlank()) {
                v.add(at.child(name), "must be a non-empty string, got " + kind(n));
                return null;
            }
            return n.stringValue();
        }

        Double number(String name, boolean required, Range range) {
            JsonNode n = node.get(name);
            if (n == null || (n.isNull() && !required)) {
                if (required) {
                    v.add(at.child(name), "is required: " + range.words());
                }
                return null;
            }
            if (!n.isNumber()) {
                v.add(at.child(name), "must be " + range.words() + ", got " + kind(n));
                return null;
            }
            double x = StrictJson.toDouble(n);
            if (!range.contains(x)) {
                v.add(at.child(name), "must be " + range.words() + ", got " + (Double.isFinite(x) ? fmt(x) : "a number too large to represent"));
                return null;
            }
            return x;
        }

        boolean bool(String name) {
            JsonNode n = node.get(name);
            if (n == null || n.isNull()) {
                return false;
            }
            if (!n.isBoolean()) {
                v.add(at.child(name), "must be true or false, got " + kind(n));
                return false;
            }
            return n.booleanValue();
        }

        Obj object(String name, boolean required) {
            JsonNode n = node.get(name);
            if (n == null || (n.isNull() && !required)) {
                if (required) {
                    v.add(at.child(name), "is required: an object");
                }
                return null;
            }
            if (!n.isObject()) {
                v.add(at.child(name), "must be an object, got " + kind(n));
                return null;
            }
            return new Obj(v, n, at.child(name));
        }

        /** An optional object where null means "none" (the backstop). */
        Obj objectOrNull(String name) {
            return object(name, false);
        }

        <E> E choice(String name, boolean required, E[] values, java.util.function.Function<E, String> id) {
            String s = string(name, required);
            if (s == null) {
                return null;
            }
            for (E e : values) {
                if (id.apply(e).equals(s)) {
                    return e;
                }
            }
            v.add(at.child(name), "must be one of " + String.join(", ", java.util.Arrays.stream(values).map(id).toList())
                    + ", got '" + s + "'");
            return null;
        }
    }
}
