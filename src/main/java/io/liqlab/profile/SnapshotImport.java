package io.liqlab.profile;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.Numbers;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.account.Account;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountVenue;
import io.liqlab.core.reconcile.ImportedAccount;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a position/account snapshot saved from a venue's API into an {@link Account}, keeping the exchange's own
 * liquidation price per position. Formats:
 * <ul>
 *   <li>{@code hyperliquid-clearinghouse}: the answer of {@code POST /info {"type":"clearinghouseState","user":...}}
 *       (example and field notes: {@code ../shared/reference/venue-responses/hyperliquid/clearinghouseState.json} and
 *       its README). Cross positions only; the wallet is {@code crossMarginSummary.accountValue} less the positions'
 *       unrealized PnL at the mark ({@code positionValue / |szi|}).</li>
 *   <li>{@code binance-position-risk}: the answer of {@code GET /fapi/v2/positionRisk} (USD-M "Position Information
 *       V2", https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-Information-V2;
 *       field names as in the openxapi-binance client's {@code GetPositionRiskV2RespItem}, docs.rs): an array of
 *       {@code symbol, positionAmt, entryPrice, markPrice, liquidationPrice, leverage, marginType, positionSide} as
 *       strings. Rows with {@code positionAmt} 0 are skipped; {@code liquidationPrice} "0" means none. The response
 *       holds no wallet balance, so the caller gives it (the account's {@code totalWalletBalance}).</li>
 * </ul>
 * Bad input names the JSON path ({@code assetPositions[0].position.szi}).
 */
public final class SnapshotImport {

    public static final List<String> FORMATS = List.of("hyperliquid-clearinghouse", "binance-position-risk");

    private static final StrictJson JSON = new StrictJson("snapshot");

    private SnapshotImport() {
    }

    public static ImportedAccount read(Path file, String format, ProfileCatalog catalog) {
        return read(file, format, catalog, Double.NaN);
    }

    /** @param wallet the wallet balance, for formats that hold none ({@code binance-position-risk}); NaN: not given */
    public static ImportedAccount read(Path file, String format, ProfileCatalog catalog, double wallet) {
        JsonNode root;
        try {
            root = JSON.parse(file.toString(), JSON.readFile(file));
        } catch (StrictJson.Failure f) {
            throw new InvalidInputException(f.path(), f.getMessage());
        }
        return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
            case "hyperliquid-clearinghouse" -> hyperliquid(root, catalog);
            case "binance-position-risk" -> binance(root, catalog, wallet);
            default -> throw new InvalidInputException("snapshotFormat", "must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'");
        };
    }

    /** Hyperliquid {@code clearinghouseState}. */
    public static ImportedAccount hyperliquid(JsonNode root, ProfileCatalog catalog) {
        if (!root.isObject()) {
            throw new InvalidInputException("$", "must be a JSON object (Hyperliquid clearinghouseState)");
        }
        JsonNode summary = root.get("crossMarginSummary");
        if (summary == null || !summary.isObject()) {
            throw new InvalidInputException("crossMarginSummary", "is required: an object with accountValue");
        }
        double accountValue = number(summary.get("accountValue"), "crossMarginSummary.accountValue", true);
        double maintenance = number(root.get("crossMaintenanceMarginUsed"), "crossMaintenanceMarginUsed", false);
        JsonNode list = root.get("assetPositions");
        if (list == null || !list.isArray()) {
            throw new InvalidInputException("assetPositions", "is required: a list of {type, position}");
        }
        List<AccountPosition> positions = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double upnl = 0;
        String venueKey = "hyperliquid";
        for (int i = 0; i < list.size(); i++) {
            String at = "assetPositions[" + i + "].position";
            JsonNode p = list.get(i).get("position");
            if (p == null || !p.isObject()) {
                throw new InvalidInputException(at, "is required: an object with coin, szi, entryPx, positionValue");
            }
            JsonNode coinNode = p.get("coin");
            String coin = coinNode == null || !coinNode.isString() ? "" : coinNode.asString();
            if (coin.isBlank()) {
                throw new InvalidInputException(at + ".coin", "is required: the asset's name, such as BTC");
            }
            JsonNode lev = p.get("leverage");
            String type = lev != null && lev.get("type") != null ? lev.get("type").asString() : "cross";
            if (!"cross".equals(type)) {
                notes.add(coin + ": an " + type + " position, left out of the cross account (compute it with calc --mode isolated)");
                continue;
            }
            double szi = number(p.get("szi"), at + ".szi", true);
            if (szi == 0) {
                continue;
            }
            double entry = number(p.get("entryPx"), at + ".entryPx", true);
            double value = number(p.get("positionValue"), at + ".positionValue", true);
            double qty = Math.abs(szi);
            double mark = value / qty;
            VenueProfile profile = profileFor(catalog, venueKey, coin, at + ".coin");
            double leverage = lev != null && lev.get("value") != null ? number(lev.get("value"), at + ".leverage.value", true) : Double.NaN;
            double maxLeverage = number(p.get("maxLeverage"), at + ".maxLeverage", false);
            Tier first = profile.rules().tiers().tier(0);
            if (!Double.isNaN(maxLeverage) && maxLeverage != first.maxLeverage()) {
                notes.add(coin + ": the snapshot's maxLeverage " + Numbers.plain(maxLeverage) + "x differs from the profile's tier 1 ("
                        + Numbers.plain(first.maxLeverage()) + "x): maintenance uses the profile; refresh it with 'profiles import'");
            }
            Side side = szi > 0 ? Side.LONG : Side.SHORT;
            try {
                positions.add(AccountPosition.of(profile.id(), AccountFile.venueKey(profile), profile.rules(), side, entry, qty, Double.NaN,
                        Double.isNaN(leverage) ? Double.NaN : leverage, Double.isNaN(leverage) ? number(p.get("marginUsed"), at + ".marginUsed", true) : Double.NaN, mark));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(at + "." + e.field(), e.problem());
            }
            upnl += side.sign() * qty * (mark - entry);
            JsonNode liq = p.get("liquidationPx");
            shown.add(liq == null || liq.isNull() ? Double.NaN : number(liq, at + ".liquidationPx", true));
        }
        if (positions.isEmpty()) {
            throw new InvalidInputException("assetPositions", "holds no open cross position (nothing to compare)");
        }
        VenueProfile first = catalog.find(positions.getFirst().market()).orElseThrow();
        AccountVenue venue = AccountVenue.of(first.listing().venueRules(), first.rules().family());
        double wallet = accountValue - upnl;
        notes.add("wallet " + Numbers.money(wallet) + " = accountValue " + Numbers.money(accountValue) + " - unrealized PnL at the mark "
                + Numbers.money(upnl) + " (mark = positionValue / size)");
        return new ImportedAccount("hyperliquid-clearinghouse", new Account(venue, AccountFile.venueKey(first), wallet, positions), shown,
                maintenance, notes);
    }

    /** Binance USD-M {@code positionRisk} (v2), cross positions, with the wallet the caller gives. */
    public static ImportedAccount binance(JsonNode root, ProfileCatalog catalog, double wallet) {
        if (Double.isNaN(wallet)) {
            throw new InvalidInputException("wallet", "is required with binance-position-risk: positionRisk holds no wallet balance"
                    + " (give the account's totalWalletBalance, 0 or more)");
        }
        if (!root.isArray()) {
            throw new InvalidInputException("$", "must be a JSON array of positions (Binance GET /fapi/v2/positionRisk)");
        }
        String venueKey = "binance-usdm";
        List<AccountPosition> positions = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VenueProfile first = null;
        for (int i = 0; i < root.size(); i++) {
            String at = "[" + i + "]";
            JsonNode p = root.get(i);
            if (!p.isObject()) {
                throw new InvalidInputException(at, "must be an object with symbol, positionAmt, entryPrice, markPrice");
            }
            double amt = number(p.get("positionAmt"), at + ".positionAmt", true);
            if (amt == 0) {
                continue;
            }
            JsonNode symbolNode = p.get("symbol");
            String symbol = symbolNode == null || !symbolNode.isString() ? "" : symbolNode.asString();
            if (symbol.isBlank()) {
                throw new InvalidInputException(at + ".symbol", "is required: the symbol, such as BTCUSDT");
            }
            JsonNode type = p.get("marginType");
            if (type != null && type.isString() && type.asString().equalsIgnoreCase("isolated")) {
                notes.add(symbol + ": an isolated position, left out of the cross account (compute it with calc --mode isolated)");
                continue;
            }
            VenueProfile profile = profileFor(catalog, venueKey, symbol, at + ".symbol");
            first = first == null ? profile : first;
            JsonNode sideNode = p.get("positionSide");
            String ps = sideNode == null || !sideNode.isString() ? "BOTH" : sideNode.asString();
            Side side = ps.equalsIgnoreCase("LONG") ? Side.LONG : ps.equalsIgnoreCase("SHORT") ? Side.SHORT : amt > 0 ? Side.LONG : Side.SHORT;
            try {
                positions.add(AccountPosition.of(profile.id(), AccountFile.venueKey(profile), profile.rules(), side,
                        number(p.get("entryPrice"), at + ".entryPrice", true), Math.abs(amt), Double.NaN,
                        number(p.get("leverage"), at + ".leverage", true), Double.NaN, number(p.get("markPrice"), at + ".markPrice", true)));
            } catch (InvalidInputException e) {
                throw e.field().startsWith("[") ? e : new InvalidInputException(at + "." + e.field(), e.problem());
            }
            double liq = number(p.get("liquidationPrice"), at + ".liquidationPrice", false);
            shown.add(Double.isNaN(liq) || liq == 0 ? Double.NaN : liq);
        }
        if (positions.isEmpty()) {
            throw new InvalidInputException("$", "holds no open cross position (every positionAmt is 0 or isolated)");
        }
        AccountVenue venue = AccountVenue.of(first.listing().venueRules(), first.rules().family());
        return new ImportedAccount("binance-position-risk", new Account(venue, AccountFile.venueKey(first), wallet, positions), shown,
                Double.NaN, notes);
    }

    private static VenueProfile profileFor(ProfileCatalog catalog, String venueKey, String coin, String at) {
        List<String> known = new ArrayList<>();
        for (VenueProfile candidate : catalog.allProfiles()) {
            if (!AccountFile.venueKey(candidate).equals(venueKey)) {
                continue;
            }
            known.add(candidate.listing().base());
            if (coin.equalsIgnoreCase(candidate.listing().base()) || coin.equalsIgnoreCase(candidate.listing().symbol())) {
                return candidate;
            }
        }
        throw new InvalidInputException(at, "no " + venueKey + " profile for '" + coin + "' (known: " + String.join(", ", known)
                + "); add one with 'profiles import'");
    }

    /** A number given as a JSON number or a decimal string (Hyperliquid sends strings); NaN when absent and optional. */
    static double number(JsonNode n, String at, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                throw new InvalidInputException(at, "is required: a number");
            }
            return Double.NaN;
        }
        double v;
        if (n.isNumber()) {
            v = n.asDouble();
        } else if (n.isString()) {
            try {
                v = Double.parseDouble(n.asString().strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(at, "must be a number, got '" + n.asString() + "'");
            }
        } else {
            throw new InvalidInputException(at, "must be a number or a decimal string");
        }
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(at, "must be a finite number");
        }
        return v;
    }
}
