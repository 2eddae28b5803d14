package io.liqlab.profile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The venues' rules, written once per venue (formula family, fees in the trigger, partial liquidation, backstop,
 * insurance fund and ADL, the words describing them), that a market file names with {@code "venueRules"}. A market
 * file carries only its own schedule (tiers, maximum leverage, contract size, tick, quote, as-of, source); the
 * reader composes the two into one {@link VenueProfile}.
 */
public final class VenueRulesLibrary {

    /** The folder, on the class path and in the project, holding the shipped venue rule files. */
    public static final String SHIPPED_FOLDER = ProfileCatalog.SHIPPED_FOLDER + "/venues";

    /** Fields a venue rule file may have. */
    static final List<String> RULE_FIELDS = List.of("$schema", "formatVersion", "venueRules", "venue", "ruleFamily",
            "tierBasis", "takerFeeInTrigger", "liquidationFee", "partialLiquidation", "backstop", "insuranceFund", "adl",
            "maintenanceMargin", "tierSelection", "liquidationTrigger", "markPrice", "notes", "provenance");

    /** Fields that belong to the venue: a market file naming venue rules must leave them out. */
    static final List<String> VENUE_ONLY = List.of("ruleFamily", "tierBasis", "takerFeeInTrigger", "liquidationFee",
            "partialLiquidation", "backstop", "insuranceFund", "adl", "maintenanceMargin", "liquidationTrigger", "markPrice");

    private static volatile VenueRulesLibrary shipped;

    private final Map<String, ObjectNode> byId;
    private final List<ProfileProblem> problems;

    private VenueRulesLibrary(Map<String, ObjectNode> byId, List<ProfileProblem> problems) {
        this.byId = Collections.unmodifiableMap(byId);
        this.problems = List.copyOf(problems);
    }

    /** The venue rules shipped with LiqLab (read once). */
    public static VenueRulesLibrary shipped() {
        VenueRulesLibrary lib = shipped;
        if (lib == null) {
            synchronized (VenueRulesLibrary.class) {
                lib = shipped;
                if (lib == null) {
                    lib = loadShipped();
                    shipped = lib;
                }
            }
        }
        return lib;
    }

    /** Venue rules given directly (tests). */
    public static VenueRulesLibrary of(Map<String, ObjectNode> rules) {
        return new VenueRulesLibrary(new TreeMap<>(rules), List.of());
    }

    public Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    /** Venue rule files that could not be read. */
    public List<ProfileProblem> problems() {
        return problems;
    }

    private static VenueRulesLibrary loadShipped() {
        Map<String, ObjectNode> byId = new TreeMap<>();
        List<ProfileProblem> problems = new ArrayList<>();
        StrictJson json = new StrictJson("venue rules");
        try {
            boolean found = BundledFolder.read(VenueRulesLibrary.class, SHIPPED_FOLDER, folder -> {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
                    stream.forEach(files::add);
                }
                files.sort(null);
                for (Path file : files) {
                    String name = SHIPPED_FOLDER + "/" + file.getFileName();
                    try (InputStream in = Files.newInputStream(file)) {
                        JsonNode node = json.parse(name, json.readStream(name, in));
                        List<ProfileProblem> found2 = new ArrayList<>();
                        String id = check(name, node, found2);
                        if (found2.isEmpty()) {
                            byId.put(id, (ObjectNode) node);
                        }
                        problems.addAll(found2);
                    } catch (StrictJson.Failure f) {
                        problems.add(ProfileProblem.of(f));
                    }
                }
            });
            if (!found) {
                problems.add(new ProfileProblem(SHIPPED_FOLDER, "$", "the shipped venue rules are missing from the application (broken install?)"));
            }
        } catch (IOException e) {
            problems.add(new ProfileProblem(SHIPPED_FOLDER, "$", "cannot list the shipped venue rules: " + e.getMessage()));
        }
        return new VenueRulesLibrary(byId, problems);
    }

    /** The id of a venue rule file, after checking its top-level shape; the rest is checked when composed. */
    static String check(String name, JsonNode node, List<ProfileProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ProfileProblem(name, "$", "must be a JSON object with the venue's rules"));
            return null;
        }
        StrictJson.allowOnly(node, RULE_FIELDS, (field, message) -> problems.add(ProfileProblem.ofField(name, field, message)));
        JsonNode id = node.get("venueRules");
        if (id == null || !id.isString() || !ProfileReader.isValidId(id.stringValue())) {
            problems.add(ProfileProblem.ofField(name, "venueRules", "is required: the venue's id prefix, such as binance-usdm"));
            return null;
        }
        return id.stringValue();
    }

    /**
     * A market file composed with its venue's rules: the rules' fields, then the market's. The notes are joined,
     * and the provenance is the market's (its data date) with the rules' sources and stand-ins added after its own.
     */
    static ObjectNode compose(ObjectNode rules, ObjectNode market) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        rules.properties().forEach(e -> {
            if (!e.getKey().equals("$schema")) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        market.properties().forEach(e -> {
            switch (e.getKey()) {
                case "notes" -> {
                    JsonNode before = out.get("notes");
                    if (before != null && before.isString() && e.getValue().isString()) {
                        String rulesNotes = before.stringValue().strip();
                        String marketNotes = e.getValue().stringValue().strip();
                        // A market file may repeat its venue's notes (Binance's, Bybit's): say them once.
                        out.put("notes", rulesNotes.contains(marketNotes) ? rulesNotes
                                : marketNotes.startsWith(rulesNotes) ? marketNotes : rulesNotes + " " + marketNotes);
                    } else {
                        out.set("notes", e.getValue().deepCopy());
                    }
                }
                case "provenance" -> out.set("provenance", mergeProvenance(rules.get("provenance"), e.getValue()));
                default -> out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return out;
    }

    private static JsonNode mergeProvenance(JsonNode rules, JsonNode market) {
        if (rules == null || !rules.isObject() || !market.isObject()) {
            return market.deepCopy();
        }
        ObjectNode out = ((ObjectNode) market).deepCopy();
        for (String list : List.of("sources", "standIns")) {
            JsonNode fromRules = rules.get(list);
            JsonNode own = market.get(list);
            if (fromRules != null && fromRules.isArray() && (own == null || own.isArray())) {
                ArrayNode joined = own == null ? JsonNodeFactory.instance.arrayNode() : ((ArrayNode) own).deepCopy();
                fromRules.forEach(n -> joined.add(n.deepCopy()));
                out.set(list, joined);
            }
        }
        for (String field : List.of("confidence", "confidenceNote")) {
            if (!market.has(field) && rules.has(field)) {
                out.set(field, rules.get(field).deepCopy());
            }
        }
        return out;
    }
}
