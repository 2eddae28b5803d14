package io.liqlab.profile;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.account.Account;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountVenue;
import io.liqlab.core.reconcile.ImportedAccount;
import io.liqlab.core.reconcile.ImportedAccount.ExchangeFigures;
import io.liqlab.core.reconcile.ImportedAccount.IsolatedPosition;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
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
 *   <li>{@code bybit-position-list}: the answer of {@code GET /v5/position/list?category=linear} (the envelope, its
 *       {@code result}, or the {@code list}; field names from Bybit's "Get Position Info" page,
 *       https://bybit-exchange.github.io/docs/v5/position): {@code symbol, side (Buy|Sell|""), size, avgPrice, markPrice,
 *       leverage, tradeMode (0 cross, 1 isolated), positionBalance (isolated margin), liqPrice, bustPrice} as strings.
 *       Rows of size 0 are skipped; {@code liqPrice} "" means none. Cross positions need the wallet from the caller
 *       (the position list holds none).</li>
 *   <li>{@code okx-positions}: the answer of {@code GET /api/v5/account/positions} (the {@code {code,msg,data}} envelope
 *       or the {@code data} array; field names from OKX's "Get positions" page, https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-positions):
 *       {@code instType, instId, mgnMode, posSide (long|short|net), pos (contracts for SWAP; negative = short when net),
 *       avgPx, markPx, lever, margin (isolated), liqPx ("" = none)}. Only SWAP rows are read; a contract is the
 *       profile's contract value (0.01 BTC for BTC-USDT-SWAP). Cross positions need the wallet from the caller.</li>
 * </ul>
 * {@link #detect} tells the four apart by their shape, so a pasted snapshot needs no format name. Bad input names
 * the JSON path ({@code assetPositions[0].position.szi}).
 */
public final class SnapshotImport {

    public static final List<String> FORMATS = List.of("hyperliquid-clearinghouse", "binance-position-risk", "bybit-position-list", "okx-positions");

    private static final StrictJson JSON = new StrictJson("snapshot");

    private SnapshotImport() {
    }

    public static ImportedAccount read(Path file, String format, ProfileCatalog catalog) {
        return read(file, format, catalog, Double.NaN);
    }

    /**
     * @param format the format, or null / "" / "auto" to detect it from the snapshot's shape
     * @param wallet the wallet balance, for formats that hold none (Binance, Bybit and OKX with cross positions); NaN: not given
     */
    public static ImportedAccount read(Path file, String format, ProfileCatalog catalog, double wallet) {
        try {
            return read(file.toString(), JSON.readFile(file), format, catalog, wallet);
        } catch (StrictJson.Failure f) {
            throw new InvalidInputException(f.path(), f.getMessage());
        }
    }

    /** A snapshot given as text (pasted into the window, or read from standard input). */
    public static ImportedAccount read(String sourceName, String text, String format, ProfileCatalog catalog, double wallet) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("snapshot", "is empty: paste the JSON the venue answered (one of " + String.join(", ", FORMATS) + ")");
        }
        return read(sourceName, text.getBytes(StandardCharsets.UTF_8), format, catalog, wallet);
    }

    private static ImportedAccount read(String sourceName, byte[] bytes, String format, ProfileCatalog catalog, double wallet) {
        JsonNode root;
        try {
            root = JSON.parse(sourceName, bytes);
        } catch (StrictJson.Failure f) {
            throw new InvalidInputException(f.path(), f.getMessage());
        }
        String f = format == null || format.isBlank() || format.strip().equalsIgnoreCase("auto") ? detect(root) : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "hyperliquid-clearinghouse" -> hyperliquid(root, catalog);
            case "binance-position-risk" -> binance(root, catalog, wallet);
            case "bybit-position-list" -> bybit(root, catalog, wallet);
            case "okx-positions" -> okx(root, catalog, wallet);
            default -> throw new InvalidInputException("snapshotFormat", "must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'");
        };
    }

    /** Whether a format's snapshot holds no wallet balance (the caller gives it for cross positions). */
    public static boolean holdsNoWallet(String format) {
        return !"hyperliquid-clearinghouse".equals(format);
    }

    /**
     * The format of a snapshot, from its shape: Hyperliquid's object with {@code crossMarginSummary}/{@code assetPositions};
     * Binance's array of rows with {@code positionAmt}; Bybit's {@code retCode}/{@code result.list} (or a list of rows
     * with {@code bustPrice} or {@code positionIdx}); OKX's {@code code}/{@code data} (or rows with {@code instId}).
     */
    public static String detect(JsonNode root) {
        if (root.isObject() && (root.has("crossMarginSummary") || root.has("assetPositions"))) {
            return "hyperliquid-clearinghouse";
        }
        if (root.isObject() && (root.has("retCode") || root.has("result") || root.has("list") && root.has("category"))) {
            return "bybit-position-list";
        }
        if (root.isObject() && root.has("code") && root.has("data")) {
            return "okx-positions";
        }
        JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : null;
        if (first != null && first.isObject()) {
            if (first.has("positionAmt")) {
                return "binance-position-risk";
            }
            if (first.has("instId")) {
                return "okx-positions";
            }
            if (first.has("bustPrice") || first.has("positionIdx")) {
                return "bybit-position-list";
            }
        }
        throw new InvalidInputException("$", "is not a position snapshot LiqLab knows: expected Hyperliquid clearinghouseState,"
                + " Binance positionRisk, Bybit /v5/position/list or OKX /api/v5/account/positions");
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
        List<ExchangeFigures> shown = new ArrayList<>();
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
            shown.add(new ExchangeFigures(liq == null || liq.isNull() ? Double.NaN : number(liq, at + ".liquidationPx", true), Double.NaN,
                    profile.listing().tickSize()));
        }
        if (positions.isEmpty()) {
            throw new InvalidInputException("assetPositions", "holds no open cross position (nothing to compare)");
        }
        VenueProfile first = catalog.find(positions.getFirst().market()).orElseThrow();
        AccountVenue venue = AccountVenue.of(first.listing().venueRules(), first.rules().family());
        double wallet = accountValue - upnl;
        notes.add("wallet " + Numbers.money(wallet) + " = accountValue " + Numbers.money(accountValue) + " - unrealized PnL at the mark "
                + Numbers.money(upnl) + " (mark = positionValue / size)");
        return new ImportedAccount("hyperliquid-clearinghouse", first.listing().venueRules(), new Account(venue, AccountFile.venueKey(first), wallet, positions),
                shown, maintenance, List.of(), notes);
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
        List<ExchangeFigures> shown = new ArrayList<>();
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
            shown.add(new ExchangeFigures(Double.isNaN(liq) || liq == 0 ? Double.NaN : liq, Double.NaN, profile.listing().tickSize()));
        }
        if (positions.isEmpty()) {
            throw new InvalidInputException("$", "holds no open cross position (every positionAmt is 0 or isolated)");
        }
        AccountVenue venue = AccountVenue.of(first.listing().venueRules(), first.rules().family());
        return new ImportedAccount("binance-position-risk", first.listing().venueRules(), new Account(venue, AccountFile.venueKey(first), wallet, positions),
                shown, Double.NaN, List.of(), notes);
    }

    /** Bybit {@code GET /v5/position/list} (linear): cross positions into an account (wallet from the caller), isolated ones on their own. */
    public static ImportedAccount bybit(JsonNode root, ProfileCatalog catalog, double wallet) {
        JsonNode list = root;
        String listAt = "$";
        if (root.isObject()) {
            JsonNode result = root.has("result") ? root.get("result") : root;
            listAt = root.has("result") ? "result.list" : "list";
            JsonNode category = result.get("category");
            if (category != null && category.isString() && !category.asString().isEmpty() && !category.asString().equalsIgnoreCase("linear")) {
                throw new InvalidInputException(listAt.replace(".list", "") + ".category", "must be linear (USDT-margined), got '" + category.asString()
                        + "': an account holds linear positions; compute a coin-margined one with calc");
            }
            list = result.get("list");
        }
        if (list == null || !list.isArray()) {
            throw new InvalidInputException(listAt, "is required: the list of positions (Bybit GET /v5/position/list)");
        }
        Rows rows = new Rows("bybit-position-list", "bybit-linear");
        for (int i = 0; i < list.size(); i++) {
            String at = listAt.equals("$") ? "[" + i + "]" : listAt + "[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                throw new InvalidInputException(at, "must be an object with symbol, side, size, avgPrice, markPrice");
            }
            double size = number(p.get("size"), at + ".size", true);
            if (size == 0) {
                continue;
            }
            String symbol = text(p, "symbol", at, "the symbol, such as BTCUSDT");
            String sideText = text(p, "side", at, "Buy or Sell");
            Side side = switch (sideText.toLowerCase(Locale.ROOT)) {
                case "buy" -> Side.LONG;
                case "sell" -> Side.SHORT;
                default -> throw new InvalidInputException(at + ".side", "must be Buy or Sell for a position of size " + Numbers.plain(size) + ", got '" + sideText + "'");
            };
            VenueProfile profile = profileFor(catalog, "bybit-linear", symbol, at + ".symbol");
            // avgPrice in the REST answer; entryPrice in the WebSocket 'position' topic and older copies
            double entry = number(p.has("avgPrice") ? p.get("avgPrice") : p.get("entryPrice"), at + (p.has("avgPrice") ? ".avgPrice" : ".entryPrice"), true);
            double mark = number(p.get("markPrice"), at + ".markPrice", true);
            double leverage = number(p.get("leverage"), at + ".leverage", true);
            double liq = blankIsNone(p.get("liqPrice"), at + ".liqPrice");
            double bust = blankIsNone(p.get("bustPrice"), at + ".bustPrice");
            ExchangeFigures ex = new ExchangeFigures(liq, bust, profile.listing().tickSize());
            JsonNode mode = p.get("tradeMode");
            boolean isolated = mode != null && number(mode, at + ".tradeMode", true) == 1;
            if (isolated) {
                double balance = blankIsNone(p.get("positionBalance"), at + ".positionBalance");
                double margin = balance > 0 ? balance : size * entry / leverage;
                rows.isolated(profile, side, entry, mark, Math.abs(size), margin, leverage, ex, at);
            } else {
                rows.cross(profile, side, entry, mark, Math.abs(size), leverage, ex, at);
            }
        }
        return rows.build(catalog, wallet);
    }

    /** OKX {@code GET /api/v5/account/positions} (SWAP rows): cross positions into an account (wallet from the caller), isolated ones on their own. */
    public static ImportedAccount okx(JsonNode root, ProfileCatalog catalog, double wallet) {
        JsonNode list = root.isObject() ? root.get("data") : root;
        String listAt = root.isObject() ? "data" : "$";
        if (list == null || !list.isArray()) {
            throw new InvalidInputException(listAt, "is required: the list of positions (OKX GET /api/v5/account/positions)");
        }
        Rows rows = new Rows("okx-positions", "okx-swap");
        for (int i = 0; i < list.size(); i++) {
            String at = listAt.equals("$") ? "[" + i + "]" : listAt + "[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                throw new InvalidInputException(at, "must be an object with instId, mgnMode, pos, avgPx, markPx");
            }
            String instId = text(p, "instId", at, "the instrument, such as BTC-USDT-SWAP");
            JsonNode type = p.get("instType");
            if (type != null && type.isString() && !type.asString().equalsIgnoreCase("SWAP")) {
                rows.notes.add(instId + ": a " + type.asString() + " position, not a perpetual swap; left out");
                continue;
            }
            double pos = number(p.get("pos"), at + ".pos", true);
            if (pos == 0) {
                continue;
            }
            VenueProfile profile = profileFor(catalog, "okx-swap", instId, at + ".instId");
            if (!(profile.rules().family() instanceof RuleFamily.FeeInTrigger f)) {
                throw new InvalidInputException(at + ".instId", "'" + instId + "' has no contract value in LiqLab's profile (" + profile.id() + ")");
            }
            String posSide = p.has("posSide") && p.get("posSide").isString() ? p.get("posSide").asString().toLowerCase(Locale.ROOT) : "net";
            Side side = switch (posSide) {
                case "long" -> Side.LONG;
                case "short" -> Side.SHORT;
                case "net" -> pos > 0 ? Side.LONG : Side.SHORT;
                default -> throw new InvalidInputException(at + ".posSide", "must be long, short or net, got '" + posSide + "'");
            };
            // pos is a number of contracts for SWAP (OKX 'Get positions'); one contract is the profile's contract value
            double qty = Math.abs(pos) * f.contractValue();
            double entry = number(p.get("avgPx"), at + ".avgPx", true);
            double mark = number(p.get("markPx"), at + ".markPx", true);
            double leverage = number(p.get("lever"), at + ".lever", true);
            ExchangeFigures ex = new ExchangeFigures(blankIsNone(p.get("liqPx"), at + ".liqPx"), Double.NaN, profile.listing().tickSize());
            double notionalUsd = blankIsNone(p.get("notionalUsd"), at + ".notionalUsd");
            if (notionalUsd > 0 && Math.abs(notionalUsd - qty * mark) > 0.01 * notionalUsd) {
                rows.notes.add(instId + " " + side.id() + ": notionalUsd " + Numbers.money(notionalUsd) + " is not pos " + Numbers.plain(Math.abs(pos))
                        + " contracts x " + Numbers.plain(f.contractValue()) + " " + profile.listing().base() + " at the mark (" + Numbers.money(qty * mark)
                        + "); LiqLab reads pos as contracts, as OKX documents it");
            }
            JsonNode mode = p.get("mgnMode");
            boolean isolated = mode != null && mode.isString() && mode.asString().equalsIgnoreCase("isolated");
            if (isolated) {
                double margin = blankIsNone(p.get("margin"), at + ".margin");
                rows.isolated(profile, side, entry, mark, qty, margin > 0 ? margin : qty * entry / leverage, leverage, ex, at);
            } else {
                rows.cross(profile, side, entry, mark, qty, leverage, ex, at);
            }
        }
        return rows.build(catalog, wallet);
    }

    /** Collects a snapshot's rows: cross positions for the account, isolated ones on their own. */
    private static final class Rows {
        final String source;
        final String venueKey;
        final List<AccountPosition> cross = new ArrayList<>();
        final List<ExchangeFigures> crossFigures = new ArrayList<>();
        final List<IsolatedPosition> isolated = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        VenueProfile first;

        Rows(String source, String venueKey) {
            this.source = source;
            this.venueKey = venueKey;
        }

        void cross(VenueProfile profile, Side side, double entry, double mark, double qty, double leverage, ExchangeFigures ex, String at) {
            first = first == null ? profile : first;
            try {
                cross.add(AccountPosition.of(profile.id(), AccountFile.venueKey(profile), profile.rules(), side, entry, qty, Double.NaN, leverage,
                        Double.NaN, mark));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(at + "." + e.field(), e.problem());
            }
            crossFigures.add(ex);
        }

        void isolated(VenueProfile profile, Side side, double entry, double mark, double qty, double margin, double leverage, ExchangeFigures ex, String at) {
            first = first == null ? profile : first;
            Position position;
            try {
                position = Position.builder().side(side).mode(MarginMode.ISOLATED).entryPrice(entry).markPrice(mark).quantity(qty).margin(margin).build();
            } catch (InvalidInputException e) {
                throw new InvalidInputException(at + "." + e.field(), e.problem());
            }
            isolated.add(new IsolatedPosition(profile.id(), profile.rules(), position, ex));
            if (Math.abs(qty * entry / margin - leverage) > 0.01 * leverage) {
                notes.add(profile.id() + " " + side.id() + " (isolated): margin " + Numbers.money(margin) + " is " + Numbers.leverage(qty * entry / margin)
                        + " on the entry value, not the snapshot's " + Numbers.leverage(leverage) + "; LiqLab uses the margin");
            }
        }

        ImportedAccount build(ProfileCatalog catalog, double wallet) {
            if (cross.isEmpty() && isolated.isEmpty()) {
                throw new InvalidInputException("$", "holds no open position (every size is 0)");
            }
            Account account = null;
            if (!cross.isEmpty()) {
                if (Double.isNaN(wallet)) {
                    throw new InvalidInputException("wallet", "is required for the cross positions of a " + source
                            + " snapshot (a position list holds no wallet balance): give the account's wallet balance, 0 or more");
                }
                AccountVenue venue = AccountVenue.of(first.listing().venueRules(), first.rules().family());
                account = new Account(venue, AccountFile.venueKey(first), wallet, cross);
            }
            return new ImportedAccount(source, first.listing().venueRules(), account, crossFigures, Double.NaN, isolated, notes);
        }
    }

    private static String text(JsonNode p, String field, String at, String what) {
        JsonNode n = p.get(field);
        String v = n == null || !n.isString() ? "" : n.asString();
        if (v.isBlank()) {
            throw new InvalidInputException(at + "." + field, "is required: " + what);
        }
        return v;
    }

    /** A number sent as a decimal string where "" (or absent, or null) means none: NaN. */
    static double blankIsNone(JsonNode n, String at) {
        if (n == null || n.isNull() || n.isString() && n.asString().isBlank()) {
            return Double.NaN;
        }
        return number(n, at, true);
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
