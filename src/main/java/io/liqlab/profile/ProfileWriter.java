package io.liqlab.profile;

import io.liqlab.core.Backstop;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a profile in the file format {@link ProfileReader} reads: reading what this writes gives the same profile. */
public final class ProfileWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
        root.put("ruleFamily", rules.family().id());
        root.put("tierBasis", rules.tiers().basis() == TierSchedule.Basis.CONTRACTS ? "contracts" : "notional");
        switch (rules.family()) {
            case RuleFamily.FeeInTrigger f -> {
                root.put("contractValue", f.contractValue());
                root.put("takerFeeInTrigger", f.takerFee());
            }
            case RuleFamily.FixedMaintenanceFraction f -> {
                ObjectNode caps = root.putObject("openInterestCaps");
                caps.put("lower", f.openInterestLowerCap());
                caps.put("upper", f.openInterestUpperCap());
                if (p.launchParameters() != null) {
                    ObjectNode launch = root.putObject("launchParameters");
                    launch.put("initialMarginFraction", p.launchParameters().initialMarginFraction());
                    launch.put("maintenanceMarginRate", p.launchParameters().maintenanceMarginRate());
                    launch.put("maxLeverage", p.launchParameters().maxLeverage());
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
            o.put("floor", t.floor());
            if (t.isUnbounded()) {
                o.putNull("cap");
            } else {
                o.put("cap", t.cap());
            }
            o.put("maxLeverage", t.maxLeverage());
            if (t.hasInitialMarginRate()) {
                o.put("initialMarginRate", t.initialMarginRate());
            }
            o.put("maintenanceMarginRate", t.maintenanceMarginRate());
            if (amounts) {
                VenueProfile.AmountSource source = p.amountSources().get(i);
                if (source != VenueProfile.AmountSource.DERIVED) {
                    o.put("maintenanceAmount", t.maintenanceAmount());
                }
                if (source == VenueProfile.AmountSource.OVERRIDE) {
                    o.put("maintenanceAmountOverride", true);
                }
            }
        }
        ObjectNode fee = root.putObject("liquidationFee");
        fee.put("rate", rules.liquidationFeeRate());
        putText(fee, "note", p.text().liquidationFee());

        ObjectNode partial = root.putObject("partialLiquidation");
        partial.put("rule", rules.partialLiquidation().id());
        switch (rules.partialLiquidation()) {
            case PartialLiquidation.Fraction f -> {
                partial.put("thresholdNotional", f.thresholdNotional());
                partial.put("thresholdInclusive", f.inclusive());
                partial.put("fraction", f.fraction());
                partial.put("cooldownSeconds", f.cooldownSeconds());
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
            b.put("equityFraction", backstop.equityFraction());
            putText(b, "taker", backstop.taker());
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

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }
}
