package io.liqlab.profile;

import io.liqlab.core.Backstop;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** Writes a profile in the file format {@link ProfileReader} reads: reading what this writes gives the same profile. */
public final class ProfileWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Plain decimals (12000000, 0.004), as a person writes them in a profile file; never 1.2E7.
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public String toJson(VenueProfile p) {
        return mapper.writeValueAsString(toTree(p)) + System.lineSeparator();
    }

    public ObjectNode toTree(VenueProfile p) {
        VenueRules rules = p.rules();
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", ProfileReader.FORMAT_VERSION);
        root.put("id", p.id());
        root.put("name", p.name());
        putText(root, "venue", p.venue());
        putText(root, "market", p.market());
        putText(root, "symbol", p.listing().symbol());
        putText(root, "base", p.listing().base());
        putText(root, "quote", p.listing().quote());
        if (!Double.isNaN(p.listing().tickSize())) {
            root.put("tickSize", p.listing().tickSize());
        }
        putText(root, "partialSchedule", rules.tiers().partialNote());
        if (rules.inverse()) {
            // a linear market writes no contractType: files written before inverse markets existed stay byte-identical
            root.put("contractType", rules.contract().id());
            if (!(rules.family() instanceof RuleFamily.FeeInTrigger)) {
                putNumber(root, "contractValue", rules.contract().contractValue());
            }
        }
        root.put("ruleFamily", rules.family().id());
        root.put("tierBasis", rules.tiers().basis() == TierSchedule.Basis.CONTRACTS ? "contracts" : "notional");
        switch (rules.family()) {
            case RuleFamily.FeeInTrigger f -> {
                putNumber(root, "contractValue", f.contractValue());
                putNumber(root, "takerFeeInTrigger", f.takerFee());
            }
            case RuleFamily.FixedMaintenanceFraction f -> {
                ObjectNode caps = root.putObject("openInterestCaps");
                putNumber(caps, "lower", f.openInterestLowerCap());
                putNumber(caps, "upper", f.openInterestUpperCap());
                if (p.launchParameters() != null) {
                    ObjectNode launch = root.putObject("launchParameters");
                    putNumber(launch, "initialMarginFraction", p.launchParameters().initialMarginFraction());
                    putNumber(launch, "maintenanceMarginRate", p.launchParameters().maintenanceMarginRate());
                    putNumber(launch, "maxLeverage", p.launchParameters().maxLeverage());
                }
            }
            case RuleFamily.MaintenanceAtLiquidationNotional _, RuleFamily.MaintenanceOnEntryNotional _ -> { }
        }
        ArrayNode tiers = root.putArray("tiers");
        boolean amounts = !(rules.family() instanceof RuleFamily.FeeInTrigger);
        for (int i = 0; i < rules.tiers().size(); i++) {
            Tier t = rules.tiers().tier(i);
            ObjectNode o = tiers.addObject();
            o.put("tier", t.number());
            putNumber(o, "floor", t.floor());
            if (t.isUnbounded()) {
                o.putNull("cap");
            } else {
                putNumber(o, "cap", t.cap());
            }
            putNumber(o, "maxLeverage", t.maxLeverage());
            if (t.hasInitialMarginRate()) {
                putNumber(o, "initialMarginRate", t.initialMarginRate());
            }
            putNumber(o, "maintenanceMarginRate", t.maintenanceMarginRate());
            if (amounts) {
                VenueProfile.AmountSource source = p.amountSources().get(i);
                if (source != VenueProfile.AmountSource.DERIVED) {
                    putNumber(o, "maintenanceAmount", t.maintenanceAmount());
                }
                if (source == VenueProfile.AmountSource.OVERRIDE) {
                    o.put("maintenanceAmountOverride", true);
                }
            }
        }
        ObjectNode fee = root.putObject("liquidationFee");
        putNumber(fee, "rate", rules.liquidationFeeRate());
        putText(fee, "note", p.text().liquidationFee());

        ObjectNode partial = root.putObject("partialLiquidation");
        partial.put("rule", rules.partialLiquidation().id());
        switch (rules.partialLiquidation()) {
            case PartialLiquidation.Fraction f -> {
                putNumber(partial, "thresholdNotional", f.thresholdNotional());
                partial.put("thresholdInclusive", f.inclusive());
                putNumber(partial, "fraction", f.fraction());
                putNumber(partial, "cooldownSeconds", f.cooldownSeconds());
            }
            case PartialLiquidation.TierStepDown s -> {
                partial.put("fromTier", s.fromTier());
                partial.put("tiersPerStep", s.tiersPerStep());
            }
            case PartialLiquidation.Whole _, PartialLiquidation.IocOrderFirst _, PartialLiquidation.PerBlockLimits _ -> { }
        }
        putText(partial, "note", p.text().partialLiquidation());

        Backstop backstop = rules.backstop();
        if (backstop == null) {
            root.putNull("backstop");
        } else {
            ObjectNode b = root.putObject("backstop");
            putNumber(b, "equityFraction", backstop.equityFraction());
            putText(b, "taker", backstop.taker());
            if (backstop.hasVaultCapital()) {
                putNumber(b, "vaultCapital", backstop.vaultCapital());
                putText(b, "vaultCapitalSource", backstop.vaultCapitalSource());
            }
            if (backstop.replacesInsuranceFund()) {
                b.put("replacesInsuranceFund", true);
            }
        }
        ObjectNode insurance = root.putObject("insuranceFund");
        putText(insurance, "note", p.text().insuranceFund());
        ObjectNode adl = root.putObject("adl");
        adl.put("ranking", rules.adl().ranking().id());
        adl.put("closePrice", rules.adl().closePrice().id());
        putText(adl, "note", p.text().adl());
        putText(root, "maintenanceMargin", p.text().maintenanceMargin());
        putText(root, "tierSelection", p.text().tierSelection());
        putText(root, "liquidationTrigger", p.text().liquidationTrigger());
        putText(root, "markPrice", p.text().markPrice());
        putText(root, "notes", p.text().notes());

        Provenance prov = p.provenance();
        ObjectNode pn = root.putObject("provenance");
        pn.put("asOf", prov.asOf());
        putText(pn, "asOfNote", prov.asOfNote());
        pn.put("confidence", prov.confidence());
        putText(pn, "confidenceNote", prov.confidenceNote());
        ArrayNode sources = pn.putArray("sources");
        prov.sources().forEach(sources::add);
        ArrayNode standIns = pn.putArray("standIns");
        for (Provenance.StandIn s : prov.standIns()) {
            ObjectNode o = standIns.addObject();
            o.put("values", s.values());
            o.put("note", s.note());
        }
        return root;
    }

    /** A number as plain decimal text: whole numbers without a fraction (12000000), others in their shortest form (0.004). */
    static void putNumber(ObjectNode node, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(name, (long) value);
        } else if (Double.isFinite(value)) {
            node.put(name, new BigDecimal(Double.toString(value)).stripTrailingZeros());
        } else {
            node.put(name, value); // not a valid profile value; the reader says so
        }
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }
}
