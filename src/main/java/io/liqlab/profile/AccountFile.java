package io.liqlab.profile;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.Side;
import io.liqlab.core.account.Account;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountVenue;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an account file: {@code {"venue": ID or profile file, "wallet": W, "positions": [{"market" or "venue": ...,
 * "side": ..., "entry": ..., "qty" or "notional": ..., "leverage" or "margin": ..., "mark": ...}]}}. Every problem is
 * an {@link InvalidInputException} whose field is the JSON path ({@code positions[2].entry}) and whose problem says
 * what is allowed; a file that cannot be read or parsed names {@code $} or a line and column.
 *
 * <p>A position's {@code market} is a profile id ("binance-usdm-eth"), or a symbol ("ETHUSDT") or base asset ("ETH")
 * of a market at the account's venue; {@code venue} is a profile id or file as {@code calc --venue} takes it. With
 * neither, the position is in the account venue's own market.
 */
public final class AccountFile {

    static final List<String> ACCOUNT_FIELDS = List.of("venue", "wallet", "positions");
    static final List<String> POSITION_FIELDS = List.of("market", "venue", "side", "entry", "qty", "notional", "leverage", "margin", "mark");

    private static final StrictJson JSON = new StrictJson("account");

    private AccountFile() {
    }

    public static Account read(Path file, ProfileCatalog catalog) {
        byte[] bytes;
        JsonNode root;
        try {
            bytes = JSON.readFile(file);
            root = JSON.parse(file.toString(), bytes);
        } catch (StrictJson.Failure f) {
            throw new InvalidInputException(f.path(), f.getMessage());
        }
        return parse(root, catalog);
    }

    /** The account in {@code root}, its profiles resolved through {@code catalog}. */
    public static Account parse(JsonNode root, ProfileCatalog catalog) {
        if (!root.isObject()) {
            throw new InvalidInputException("$", "must be a JSON object with venue, wallet and positions");
        }
        allowOnly(root, "", ACCOUNT_FIELDS);
        String venueId = text(root, "venue", "a profile id (see 'liqlab profiles list') or a profile .json file");
        VenueProfile venueProfile = resolve(catalog, venueId, "venue");
        String venueKey = venueKey(venueProfile);
        AccountVenue venue = AccountVenue.of(venueProfile.listing().venueRules(), venueProfile.rules().family());
        double wallet = number(root, "wallet", "the wallet balance, a number 0 or more", true);
        JsonNode list = root.get("positions");
        if (list == null || list.isNull()) {
            throw new InvalidInputException("positions", "is required: a list of positions, at least one");
        }
        if (!list.isArray()) {
            throw new InvalidInputException("positions", "must be a list of positions, got " + StrictJson.kind(list, n -> n.asString()));
        }
        List<AccountPosition> positions = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "positions[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                throw new InvalidInputException(at, "must be an object with " + String.join(", ", POSITION_FIELDS));
            }
            allowOnly(p, at + ".", POSITION_FIELDS);
            VenueProfile market = market(catalog, p, at, venueProfile, venueKey);
            if (!venueKey(market).equals(venueKey)) {
                throw new InvalidInputException(at + (p.has("venue") ? ".venue" : ".market"), "'" + market.id() + "' is at "
                        + market.venue() + ", not at this account's venue " + venueProfile.venue()
                        + "; an account holds positions at one venue (allowed: markets of " + venueKey + ")");
            }
            String sideText = text(p, "side", "long or short", at + ".");
            Side side;
            try {
                side = Side.parse(sideText);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(at + ".side", e.problem());
            }
            try {
                positions.add(AccountPosition.of(market.id(), venueKey(market), market.rules(), side,
                        number(p, "entry", "a price from 1e-12 to 1e12", at + ".", true),
                        number(p, "qty", "a size in base units above 0", at + ".", false),
                        number(p, "notional", "a size in quote currency above 0", at + ".", false),
                        number(p, "leverage", "a leverage above 0, at most 1000", at + ".", false),
                        number(p, "margin", "the position's initial margin above 0", at + ".", false),
                        number(p, "mark", "a price from 1e-12 to 1e12", at + ".", false)));
            } catch (InvalidInputException e) {
                throw e.field().startsWith("positions[") ? e : new InvalidInputException(at + "." + e.field(), e.problem());
            }
        }
        return new Account(venue, venueKey, wallet, positions);
    }

    /** The venue a profile belongs to: its venue-rules id, or its own id when it names none. */
    public static String venueKey(VenueProfile p) {
        return p.listing().venueRules().isEmpty() ? p.id() : p.listing().venueRules();
    }

    private static VenueProfile market(ProfileCatalog catalog, JsonNode p, String at, VenueProfile venueProfile, String venueKey) {
        boolean hasMarket = p.has("market");
        boolean hasVenue = p.has("venue");
        if (hasMarket && hasVenue) {
            throw new InvalidInputException(at + ".venue", "give market or venue, not both");
        }
        if (hasVenue) {
            return resolve(catalog, text(p, "venue", "a profile id or a profile .json file", at + "."), at + ".venue");
        }
        if (!hasMarket) {
            return venueProfile;
        }
        String name = text(p, "market", "a market at the account's venue: a profile id, a symbol or a base asset", at + ".");
        var byId = catalog.find(name);
        if (byId.isPresent()) {
            return byId.get();
        }
        List<String> known = new ArrayList<>();
        for (VenueProfile candidate : catalog.allProfiles()) {
            if (!venueKey(candidate).equals(venueKey)) {
                continue;
            }
            known.add(candidate.id());
            VenueProfile.Listing l = candidate.listing();
            if (name.equalsIgnoreCase(l.symbol()) || name.equalsIgnoreCase(l.base())) {
                return candidate;
            }
        }
        throw new InvalidInputException(at + ".market", "no market '" + name + "' at " + venueProfile.venue() + "; allowed: "
                + (known.isEmpty() ? venueProfile.id() : String.join(", ", known)) + " (or their symbols or base assets)");
    }

    private static VenueProfile resolve(ProfileCatalog catalog, String idOrFile, String field) {
        try {
            return catalog.resolve(idOrFile.strip());
        } catch (ProfileException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    private static void allowOnly(JsonNode node, String prefix, List<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException(prefix + name, "is not a field of " + (prefix.isEmpty() ? "an account" : "a position")
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static String text(JsonNode node, String name, String what) {
        return text(node, name, what, "");
    }

    private static String text(JsonNode node, String name, String what, String prefix) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidInputException(prefix + name, "is required: " + what);
        }
        if (!v.isString() || v.stringValue().isBlank()) {
            throw new InvalidInputException(prefix + name, "must be " + what + ", got " + StrictJson.kind(v, n -> n.asString()));
        }
        return v.stringValue();
    }

    private static double number(JsonNode node, String name, String what, boolean required) {
        return number(node, name, what, "", required);
    }

    /** NaN when absent and not required. */
    private static double number(JsonNode node, String name, String what, String prefix, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidInputException(prefix + name, "is required: " + what);
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new InvalidInputException(prefix + name, "must be " + what + ", got " + StrictJson.kind(v, n -> n.asString()));
        }
        double d = StrictJson.toDouble(v);
        if (!Double.isFinite(d)) {
            throw new InvalidInputException(prefix + name, "must be " + what + ", got a number too large to represent");
        }
        if (d < 0) {
            throw new InvalidInputException(prefix + name, "must be " + what + ", got " + StrictJson.fmt(d) + " (negative numbers are not allowed)");
        }
        return d;
    }

}
