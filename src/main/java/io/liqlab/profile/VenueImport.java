package io.liqlab.profile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a venue's public tier response into market files (format 2, naming the venue's shipped rules), one per
 * linear perpetual market. Reads the venue's own body and the ccxt-wrapped form freqtrade caches (only the
 * {@code info} objects, which hold the venue's rows as sent). Every market passes the profile reader's validation;
 * a market whose rows fail is reported by market and tier and left out, and the others still import. Field
 * meanings and mappings: ../shared/reference/venue-responses/README.md.
 */
public final class VenueImport {

    /** A response larger than this is refused (the biggest full venue responses seen are about 11 MB). */
    public static final long MAX_BYTES = 64L << 20;

    /** The public formats LiqLab imports. */
    public enum Format {
        BINANCE_LEVERAGE_BRACKET("binance-leverage-bracket", ProfileIds.BINANCE_USDM, "USDT"),
        BYBIT_RISK_LIMIT("bybit-risk-limit", ProfileIds.BYBIT_LINEAR, "USDT"),
        OKX_POSITION_TIERS("okx-position-tiers", ProfileIds.OKX_SWAP, "USDT"),
        HYPERLIQUID_META("hyperliquid-meta", ProfileIds.HYPERLIQUID, "USDC"),
        DYDX_PERPETUAL_MARKETS("dydx-perpetual-markets", ProfileIds.DYDX_V4, "USD");

        public final String id;
        public final String venueRules;
        final String defaultQuote;

        Format(String id, String venueRules, String defaultQuote) {
            this.id = id;
            this.venueRules = venueRules;
            this.defaultQuote = defaultQuote;
        }

        public static Format byId(String id) {
            for (Format f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            return null;
        }

        public static String ids() {
            return String.join("|", java.util.Arrays.stream(values()).map(f -> f.id).toList());
        }
    }

    /** A file that is not a response of the format: one line saying what was expected. */
    public static final class NotThisFormat extends Exception {
        public NotThisFormat(String message) {
            super(message, null, false, false);
        }
    }

    /** One imported market: its id, the venue's symbol, the market file, and the profile it reads as. */
    public record Market(String id, String symbol, ObjectNode file, VenueProfile profile) {
        public String json() {
            return WRITER.writeValueAsString(file) + System.lineSeparator();
        }
    }

    /** What a response gave: the markets that passed, and one line for each row or market that did not. */
    public record Result(List<Market> markets, List<String> problems) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonMapper WRITER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ProfileReader reader;

    public VenueImport(ProfileReader reader) {
        this.reader = reader;
    }

    /**
     * Imports {@code body} (the response file {@code fileName}, recorded on {@code fileDate} when the body carries
     * no date of its own); {@code instruments} is OKX's instruments response (null elsewhere).
     */
    public Result read(Format format, String fileName, byte[] body, byte[] instruments, String fileDate) throws NotThisFormat {
        return read(format, body, instruments, new Context(format, fileName, fileDate));
    }

    /**
     * Imports a body fetched from the venue ({@code url}, at {@code fetchedAt}): the same parsing and validation as
     * {@link #read(Format, String, byte[], byte[], String)}, dated by the fetch unless the body carries its own date.
     */
    public Result fetched(Format format, String url, byte[] body, byte[] instruments, Instant fetchedAt) throws NotThisFormat {
        Context ctx = new Context(format, url, fetchedAt.atZone(ZoneOffset.UTC).toLocalDate().toString());
        ctx.asOfNote = "fetched from the venue at " + fetchedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ctx.sourceVerb = "fetched from ";
        return read(format, body, instruments, ctx);
    }

    private Result read(Format format, byte[] body, byte[] instruments, Context ctx) throws NotThisFormat {
        if (body.length > MAX_BYTES) {
            throw new NotThisFormat("is " + body.length + " bytes; a venue response may be at most " + MAX_BYTES + " bytes");
        }
        JsonNode root = parse(body, "");
        String fileName = ctx.fileName;
        List<Raw> raws = switch (format) {
            case BINANCE_LEVERAGE_BRACKET -> binance(root, ctx);
            case BYBIT_RISK_LIMIT -> bybit(root, ctx);
            case OKX_POSITION_TIERS -> okx(root, instruments == null ? null : parse(instruments, "--instruments: "), ctx);
            case HYPERLIQUID_META -> hyperliquid(root, ctx);
            case DYDX_PERPETUAL_MARKETS -> dydx(root, ctx);
        };
        List<Market> markets = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Raw raw : raws) {
            String id = format.venueRules + "-" + slug(raw.base) + (raw.quote.equals(format.defaultQuote) ? "" : "-" + slug(raw.quote));
            String earlier = seen.putIfAbsent(id, raw.symbol);
            if (earlier != null) {
                ctx.problems.add(raw.symbol + ": left out, its id " + id + " is already taken by " + earlier);
                continue;
            }
            ObjectNode file = marketFile(format, id, raw, ctx);
            try {
                VenueProfile p = reader.read(id + ".json", MAPPER.writeValueAsBytes(file), new VenueProfile.Origin(VenueProfile.Origin.Kind.FILE, fileName));
                markets.add(new Market(id, raw.symbol, file, p));
            } catch (ProfileException e) {
                for (ProfileProblem problem : e.problems()) {
                    ctx.problems.add(raw.symbol + " " + where(problem.path()) + ": " + problem.message() + " (market left out)");
                }
            }
        }
        return new Result(markets, ctx.problems);
    }

    /** "$.tiers[2].maintenanceMarginRate" as "tier 3 maintenanceMarginRate". */
    private static String where(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\$\\.tiers\\[(\\d+)\\]\\.?(.*)$").matcher(path);
        if (m.matches()) {
            return "tier " + (Integer.parseInt(m.group(1)) + 1) + (m.group(2).isEmpty() ? "" : " " + m.group(2));
        }
        return path;
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static JsonNode parse(byte[] body, String what) throws NotThisFormat {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new NotThisFormat(what + "the file is empty");
            }
            return n;
        } catch (JacksonException e) {
            throw new NotThisFormat(what + StrictJson.syntaxError(e));
        }
    }

    // ---- the market file ---------------------------------------------------------------------------------------

    private record Row(double floor, double cap, double maxLeverage, double mmr, double imr, double amount) {
    }

    /** A market as read from a response, before validation. */
    private static final class Raw {
        String symbol;
        String base;
        String quote;
        String marketName;
        double contractValue = Double.NaN;
        double tickSize = Double.NaN;
        double oiLower = Double.NaN;
        double oiUpper = Double.NaN;
        String note;
        final List<Row> rows = new ArrayList<>();
    }

    private static final class Context {
        final Format format;
        final String fileName;
        String asOf;
        String asOfNote;
        String sourceVerb = "imported from ";
        final List<String> problems = new ArrayList<>();

        Context(Format format, String fileName, String fileDate) {
            this.format = format;
            this.fileName = fileName;
            this.asOf = fileDate;
            this.asOfNote = "date of the imported file " + fileName + " (the response carries no date)";
        }

        void dated(String date, String how) {
            asOf = date;
            asOfNote = how + " in " + fileName;
        }
    }

    private static final Map<Format, String> VENUE_NAMES = Map.of(Format.BINANCE_LEVERAGE_BRACKET, "Binance USD-M",
            Format.BYBIT_RISK_LIMIT, "Bybit", Format.OKX_POSITION_TIERS, "OKX", Format.HYPERLIQUID_META, "Hyperliquid",
            Format.DYDX_PERPETUAL_MARKETS, "dYdX v4");
    private static final Map<Format, String> ENDPOINTS = Map.of(Format.BINANCE_LEVERAGE_BRACKET, "GET /fapi/v1/leverageBracket",
            Format.BYBIT_RISK_LIMIT, "GET /v5/market/risk-limit?category=linear", Format.OKX_POSITION_TIERS,
            "GET /api/v5/public/position-tiers?instType=SWAP", Format.HYPERLIQUID_META, "POST /info {\"type\":\"meta\"}",
            Format.DYDX_PERPETUAL_MARKETS, "GET /v4/perpetualMarkets (indexer)");

    private ObjectNode marketFile(Format format, String id, Raw raw, Context ctx) {
        ObjectNode o = NODES.objectNode();
        o.put("$schema", "schema/venue-profile.schema.json");
        o.put("formatVersion", ProfileReader.FORMAT_VERSION);
        o.put("id", id);
        o.put("venueRules", format.venueRules);
        o.put("name", VENUE_NAMES.get(format) + " " + raw.symbol);
        o.put("market", raw.marketName);
        o.put("symbol", raw.symbol);
        o.put("base", raw.base);
        o.put("quote", raw.quote);
        if (!Double.isNaN(raw.contractValue)) {
            o.put("contractValue", raw.contractValue);
        }
        if (!Double.isNaN(raw.tickSize)) {
            o.put("tickSize", raw.tickSize);
        }
        if (!Double.isNaN(raw.oiLower)) {
            ObjectNode caps = o.putObject("openInterestCaps");
            caps.put("lower", raw.oiLower);
            caps.put("upper", raw.oiUpper);
        }
        if (raw.note != null) {
            o.put("notes", raw.note);
        }
        ArrayNode tiers = o.putArray("tiers");
        double prevAmount = 0;
        double prevRate = 0;
        for (int i = 0; i < raw.rows.size(); i++) {
            Row r = raw.rows.get(i);
            ObjectNode t = tiers.addObject();
            t.put("tier", i + 1);
            t.put("floor", r.floor);
            if (Double.isInfinite(r.cap)) {
                t.putNull("cap");
            } else {
                t.put("cap", r.cap);
            }
            t.put("maxLeverage", r.maxLeverage);
            if (!Double.isNaN(r.imr)) {
                t.put("initialMarginRate", r.imr);
            }
            t.put("maintenanceMarginRate", r.mmr);
            if (!Double.isNaN(r.amount)) {
                double derived = i == 0 ? 0 : io.liqlab.core.TierSchedule.continuityAmount(prevAmount, r.floor, r.mmr, prevRate);
                t.put("maintenanceAmount", r.amount);
                if (Math.abs(r.amount - derived) > 1e-6 * Math.max(1, Math.abs(derived))) {
                    t.put("maintenanceAmountOverride", true); // the venue publishes it; it differs from continuity
                }
                prevAmount = r.amount;
            }
            prevRate = r.mmr;
        }
        ObjectNode prov = o.putObject("provenance");
        prov.put("asOf", ctx.asOf);
        prov.put("asOfNote", ctx.asOfNote);
        prov.put("confidence", "high");
        prov.put("confidenceNote", "the venue's own table as recorded; tables change, so check the date");
        prov.putArray("sources").add(ENDPOINTS.get(format) + " response, " + ctx.sourceVerb + ctx.fileName);
        prov.putArray("standIns");
        return o;
    }

    // ---- reading numbers the venues write as strings or numbers -------------------------------------------------

    private static double num(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isString()) {
            String s = n.stringValue().trim();
            if (s.isEmpty()) {
                return Double.NaN;
            }
            try {
                return new BigDecimal(s).doubleValue();
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !(n.isString() || n.isNumber()) ? "" : n.isString() ? n.stringValue() : n.asString();
    }

    /** The freqtrade cache form: {"updated": "...", "data": {ccxt symbol: [rows]}}, or the ccxt map itself. */
    private static JsonNode ccxtMap(JsonNode root, Context ctx) {
        JsonNode data = root;
        if (root.isObject() && root.has("data") && root.get("data").isObject()) {
            data = root.get("data");
            String updated = text(root.get("updated"));
            if (updated.length() >= 10) {
                ctx.dated(updated.substring(0, 10), "\"updated\" " + updated + " (the freqtrade cache's own date)");
            }
        }
        if (!data.isObject()) {
            return null;
        }
        for (JsonNode v : data) {
            if (!v.isArray() || v.isEmpty() || !v.get(0).isObject() || !v.get(0).has("info")) {
                return null;
            }
        }
        return data.isEmpty() ? null : data;
    }

    /** "BTC/USDT:USDT" is a linear perpetual; "BTC/USD:BTC" (inverse) and "BTC/USDT:USDT-260327" (dated) are not. */
    private static String[] ccxtLinearPerp(String key) {
        int slash = key.indexOf('/');
        int colon = key.indexOf(':');
        if (slash < 0 || colon < slash) {
            return null;
        }
        String base = key.substring(0, slash);
        String quote = key.substring(slash + 1, colon);
        String settle = key.substring(colon + 1);
        return settle.equals(quote) ? new String[]{base, quote} : null;
    }

    /** A linear perpetual of a ccxt map: its base and quote, and the "info" object of each of its rows. */
    private record CcxtPerp(String base, String quote, List<JsonNode> infos) {
    }

    /** The linear perpetuals of a ccxt map in the map's order, the inverse and dated markets left out. */
    private static List<CcxtPerp> ccxtPerps(JsonNode ccxt) {
        List<CcxtPerp> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ccxt.properties()) {
            String[] bq = ccxtLinearPerp(e.getKey());
            if (bq != null) {
                List<JsonNode> infos = new ArrayList<>();
                e.getValue().forEach(r -> infos.add(r.get("info")));
                out.add(new CcxtPerp(bq[0], bq[1], infos));
            }
        }
        return out;
    }

    // ---- Binance -----------------------------------------------------------------------------------------------

    private static final List<String> BINANCE_QUOTES = List.of("USDT", "USDC", "BUSD", "FDUSD");

    private List<Raw> binance(JsonNode root, Context ctx) throws NotThisFormat {
        List<Raw> out = new ArrayList<>();
        JsonNode ccxt = ccxtMap(root, ctx);
        if (ccxt != null) {
            for (CcxtPerp p : ccxtPerps(ccxt)) {
                out.add(binanceMarket(p.base() + p.quote(), p.base(), p.quote(), p.infos(), ctx));
            }
            return out;
        }
        JsonNode list = root.isObject() && root.has("brackets") ? NODES.arrayNode().add(root) : root;
        if (!list.isArray() || list.isEmpty() || !list.get(0).has("brackets")) {
            throw new NotThisFormat("not a binance-leverage-bracket response: expected GET /fapi/v1/leverageBracket's"
                    + " [{symbol, brackets:[...]}] or freqtrade's cache of it ({\"BTC/USDT:USDT\": [{..., info:{bracket, ...}}]})");
        }
        for (JsonNode s : list) {
            String symbol = text(s.get("symbol"));
            if (symbol.contains("_")) {
                continue; // a dated contract (BTCUSDT_260327), not a perpetual
            }
            String quote = BINANCE_QUOTES.stream().filter(symbol::endsWith).findFirst().orElse(null);
            if (quote == null || symbol.length() == quote.length()) {
                ctx.problems.add(symbol + ": left out, its quote currency is not one of " + BINANCE_QUOTES);
                continue;
            }
            List<JsonNode> rows = new ArrayList<>();
            s.get("brackets").forEach(rows::add);
            out.add(binanceMarket(symbol, symbol.substring(0, symbol.length() - quote.length()), quote, rows, ctx));
        }
        return out;
    }

    private static Raw binanceMarket(String symbol, String base, String quote, List<JsonNode> rows, Context ctx) {
        Raw raw = new Raw();
        raw.symbol = symbol;
        raw.base = base;
        raw.quote = quote;
        raw.marketName = symbol + " perpetual";
        List<JsonNode> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(r -> num(r.get("bracket"))));
        for (JsonNode r : sorted) {
            raw.rows.add(new Row(num(r.get("notionalFloor")), num(r.get("notionalCap")), num(r.get("initialLeverage")),
                    num(r.get("maintMarginRatio")), Double.NaN, num(r.get("cum"))));
        }
        return raw;
    }

    // ---- Bybit -------------------------------------------------------------------------------------------------

    private List<Raw> bybit(JsonNode root, Context ctx) throws NotThisFormat {
        Map<String, List<JsonNode>> bySymbol = new LinkedHashMap<>();
        Map<String, String[]> baseQuote = new LinkedHashMap<>();
        JsonNode ccxt = ccxtMap(root, ctx);
        if (ccxt != null) {
            for (CcxtPerp p : ccxtPerps(ccxt)) {
                for (JsonNode info : p.infos()) {
                    String symbol = text(info.get("symbol"));
                    bySymbol.computeIfAbsent(symbol, k -> new ArrayList<>()).add(info);
                    baseQuote.put(symbol, new String[]{p.base(), p.quote()});
                }
            }
        } else {
            JsonNode list = root.path("result").path("list");
            if (!list.isArray()) {
                throw new NotThisFormat("not a bybit-risk-limit response: expected GET /v5/market/risk-limit's"
                        + " {\"retCode\":0, \"result\":{\"list\":[...]}} or freqtrade's cache of it ({\"data\":{\"BTC/USDT:USDT\":[{..., info:{...}}]}})");
            }
            if (root.has("retCode") && num(root.get("retCode")) != 0) {
                throw new NotThisFormat("Bybit answered retCode " + text(root.get("retCode")) + ": " + text(root.get("retMsg")));
            }
            String category = text(root.path("result").get("category"));
            if (!category.isEmpty() && !category.equals("linear")) {
                throw new NotThisFormat("is category '" + category + "'; LiqLab imports linear perpetuals (category=linear)");
            }
            if (root.has("time")) {
                ctx.dated(Instant.ofEpochMilli((long) num(root.get("time"))).atZone(ZoneOffset.UTC).toLocalDate().toString(), "the response's \"time\"");
            }
            for (JsonNode info : list) {
                String symbol = text(info.get("symbol"));
                if (symbol.contains("-")) {
                    continue; // dated futures (BTCUSDT-26DEC25 style) are not perpetuals
                }
                bySymbol.computeIfAbsent(symbol, k -> new ArrayList<>()).add(info);
                String quote = symbol.endsWith("USDT") ? "USDT" : symbol.endsWith("USDC") ? "USDC" : symbol.endsWith("PERP") ? "USDC" : null;
                if (quote != null) {
                    String base = symbol.substring(0, symbol.length() - (symbol.endsWith("PERP") ? 4 : quote.length()));
                    baseQuote.put(symbol, new String[]{base, quote});
                }
            }
        }
        List<Raw> out = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : bySymbol.entrySet()) {
            String[] bq = baseQuote.get(e.getKey());
            if (bq == null) {
                ctx.problems.add(e.getKey() + ": left out, its quote currency is not USDT or USDC");
                continue;
            }
            Raw raw = new Raw();
            raw.symbol = e.getKey();
            raw.base = bq[0];
            raw.quote = bq[1];
            raw.marketName = e.getKey() + " linear perpetual";
            List<JsonNode> rows = new ArrayList<>(e.getValue());
            rows.sort(Comparator.comparingDouble(r -> num(r.get("riskLimitValue"))));
            double floor = 0;
            for (JsonNode r : rows) {
                double cap = num(r.get("riskLimitValue"));
                double deduction = num(r.get("mmDeduction"));
                raw.rows.add(new Row(floor, cap, num(r.get("maxLeverage")), num(r.get("maintenanceMargin")),
                        num(r.get("initialMargin")), Double.isNaN(deduction) ? 0 : deduction));
                floor = cap;
            }
            if (!rows.isEmpty() && rows.getFirst().has("isLowestRisk") && num(rows.getFirst().get("isLowestRisk")) != 1) {
                raw.note = "The first row imported is not Bybit's lowest-risk tier: the response holds only part of this market's table.";
            }
            out.add(raw);
        }
        return out;
    }

    // ---- OKX ---------------------------------------------------------------------------------------------------

    private record Instrument(double ctVal, double tick, String settle) {
    }

    private List<Raw> okx(JsonNode root, JsonNode instruments, Context ctx) throws NotThisFormat {
        Map<String, List<JsonNode>> byFamily = new LinkedHashMap<>();
        JsonNode ccxt = ccxtMap(root, ctx);
        if (ccxt != null) {
            for (CcxtPerp p : ccxtPerps(ccxt)) {
                for (JsonNode info : p.infos()) {
                    byFamily.computeIfAbsent(text(info.get("instFamily")), k -> new ArrayList<>()).add(info);
                }
            }
        } else {
            JsonNode data = root.path("data");
            if (!data.isArray() || (!data.isEmpty() && !data.get(0).has("maxSz"))) {
                throw new NotThisFormat("not an okx-position-tiers response: expected GET /api/v5/public/position-tiers'"
                        + " {\"code\":\"0\", \"data\":[{tier, minSz, maxSz, mmr, imr, maxLever, instFamily}]} or freqtrade's cache of it");
            }
            if (root.has("code") && num(root.get("code")) != 0) {
                throw new NotThisFormat("OKX answered code " + text(root.get("code")) + ": " + text(root.get("msg")));
            }
            for (JsonNode info : data) {
                byFamily.computeIfAbsent(text(info.get("instFamily")), k -> new ArrayList<>()).add(info);
            }
        }
        Map<String, Instrument> byInst = new LinkedHashMap<>();
        if (instruments != null) {
            JsonNode data = instruments.path("data");
            if (!data.isArray()) {
                throw new NotThisFormat("--instruments: not an OKX instruments response: expected GET /api/v5/public/instruments?instType=SWAP's {\"code\":\"0\", \"data\":[{instId, ctVal, ...}]}");
            }
            for (JsonNode i : data) {
                if (text(i.get("ctType")).equals("linear") && text(i.get("instType")).equals("SWAP")) {
                    byInst.put(text(i.get("instFamily")), new Instrument(num(i.get("ctVal")) * (Double.isNaN(num(i.get("ctMult"))) ? 1 : num(i.get("ctMult"))),
                            num(i.get("tickSz")), text(i.get("settleCcy"))));
                }
            }
        }
        List<Raw> out = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : byFamily.entrySet()) {
            String family = e.getKey();
            int dash = family.indexOf('-');
            if (dash <= 0) {
                ctx.problems.add("'" + family + "': left out, not an instrument family such as BTC-USDT");
                continue;
            }
            Instrument inst = byInst.get(family);
            if (inst == null || !(inst.ctVal > 0)) {
                ctx.problems.add(family + "-SWAP: left out, its contract value (ctVal) is not known: OKX tiers are in contracts;"
                        + " give --instruments FILE with OKX's instruments response listing " + family + "-SWAP");
                continue;
            }
            Raw raw = new Raw();
            raw.symbol = family + "-SWAP";
            raw.base = family.substring(0, dash);
            raw.quote = family.substring(dash + 1);
            raw.contractValue = inst.ctVal;
            raw.tickSize = inst.tick;
            raw.marketName = raw.symbol + " (contract value " + StrictJson.fmt(inst.ctVal) + " " + raw.base + ")";
            List<JsonNode> rows = new ArrayList<>(e.getValue());
            rows.sort(Comparator.comparingDouble(r -> num(r.get("tier"))));
            double floor = 0;
            for (JsonNode r : rows) {
                double cap = num(r.get("maxSz"));
                // OKX writes the next floor as the previous cap + one size step (1000.01); a tier starts at the previous cap
                raw.rows.add(new Row(floor, cap, num(r.get("maxLever")), num(r.get("mmr")), num(r.get("imr")), Double.NaN));
                floor = cap;
            }
            if (!rows.isEmpty() && num(rows.getFirst().get("tier")) != 1) {
                raw.note = "The response starts at tier " + text(rows.getFirst().get("tier")) + ": it holds only part of this market's table.";
            }
            out.add(raw);
        }
        return out;
    }

    // ---- Hyperliquid -------------------------------------------------------------------------------------------

    private List<Raw> hyperliquid(JsonNode root, Context ctx) throws NotThisFormat {
        JsonNode meta = root.isArray() && !root.isEmpty() ? root.get(0) : root; // metaAndAssetCtxs: [meta, ctxs]
        JsonNode universe = meta.path("universe");
        if (!universe.isArray()) {
            throw new NotThisFormat("not a hyperliquid-meta response: expected POST /info {\"type\":\"meta\"}'s {\"universe\":[...], \"marginTables\":[...]}"
                    + " (or metaAndAssetCtxs' [meta, contexts])");
        }
        Map<Long, List<double[]>> tables = new LinkedHashMap<>();
        for (JsonNode entry : meta.path("marginTables")) {
            if (!entry.isArray() || entry.size() != 2) {
                continue;
            }
            List<double[]> tiers = new ArrayList<>();
            for (JsonNode t : entry.get(1).path("marginTiers")) {
                tiers.add(new double[]{num(t.get("lowerBound")), num(t.get("maxLeverage"))});
            }
            tiers.sort(Comparator.comparingDouble(t -> t[0]));
            tables.put((long) num(entry.get(0)), tiers);
        }
        List<Raw> out = new ArrayList<>();
        for (JsonNode asset : universe) {
            String name = text(asset.get("name"));
            if (asset.path("isDelisted").asBoolean(false)) {
                continue;
            }
            if (name.contains(":")) {
                ctx.problems.add(name + ": left out, a builder-deployed market (dex:NAME) follows its deployer's rules");
                continue;
            }
            double assetMax = num(asset.get("maxLeverage"));
            double tableId = num(asset.get("marginTableId"));
            List<double[]> table = Double.isNaN(tableId) ? null : tables.get((long) tableId);
            Raw raw = new Raw();
            raw.symbol = name;
            raw.base = name;
            raw.quote = "USDC";
            raw.marketName = name + " perpetual (USDC)";
            if (table == null || table.isEmpty()) {
                // No table listed: one tier at the asset's maximum leverage (observed where marginTableId < 50).
                raw.rows.add(new Row(0, Double.POSITIVE_INFINITY, assetMax, 1 / (2 * assetMax), Double.NaN, Double.NaN));
                if (!Double.isNaN(tableId) && tableId >= 50) {
                    raw.note = "Margin table " + (long) tableId + " is not in the response; one tier at the asset's maximum leverage was used.";
                }
            } else {
                for (int i = 0; i < table.size(); i++) {
                    double lev = Math.min(table.get(i)[1], Double.isNaN(assetMax) ? Double.POSITIVE_INFINITY : assetMax);
                    double cap = i + 1 < table.size() ? table.get(i + 1)[0] : Double.POSITIVE_INFINITY;
                    raw.rows.add(new Row(table.get(i)[0], cap, lev, 1 / (2 * lev), Double.NaN, Double.NaN));
                }
            }
            out.add(raw);
        }
        return out;
    }

    // ---- dYdX --------------------------------------------------------------------------------------------------

    private List<Raw> dydx(JsonNode root, Context ctx) throws NotThisFormat {
        JsonNode body = root;
        if (root.has("result") && root.get("result").has("markets")) {
            body = root.get("result"); // a capture's envelope around the indexer's body
            String iso = text(root.get("isoTimestamp"));
            if (iso.length() >= 10) {
                ctx.dated(iso.substring(0, 10), "\"isoTimestamp\" " + iso);
            }
        }
        JsonNode markets = body.path("markets");
        if (!markets.isObject()) {
            throw new NotThisFormat("not a dydx-perpetual-markets response: expected the indexer's GET /v4/perpetualMarkets {\"markets\":{\"BTC-USD\":{...}}}");
        }
        List<Raw> out = new ArrayList<>();
        Set<String> inactive = Set.of("FINAL_SETTLEMENT", "PAUSED", "INITIALIZING");
        for (Map.Entry<String, JsonNode> e : markets.properties()) {
            JsonNode m = e.getValue();
            String ticker = text(m.get("ticker")).isEmpty() ? e.getKey() : text(m.get("ticker"));
            if (inactive.contains(text(m.get("status")))) {
                continue;
            }
            int dash = ticker.indexOf('-');
            if (dash <= 0) {
                ctx.problems.add(ticker + ": left out, not a ticker such as BTC-USD");
                continue;
            }
            Raw raw = new Raw();
            raw.symbol = ticker;
            raw.base = ticker.substring(0, dash);
            raw.quote = ticker.substring(dash + 1);
            raw.marketName = ticker + " perpetual";
            raw.tickSize = num(m.get("tickSize"));
            double imf = num(m.get("initialMarginFraction"));
            double mmf = num(m.get("maintenanceMarginFraction"));
            double lower = num(m.get("openInterestLowerCap"));
            double upper = num(m.get("openInterestUpperCap"));
            raw.oiLower = Double.isNaN(lower) ? 0 : lower;
            raw.oiUpper = Double.isNaN(upper) ? 0 : upper;
            raw.rows.add(new Row(0, Double.POSITIVE_INFINITY, 1 / imf, mmf, imf, Double.NaN));
            double oi = num(m.get("openInterest"));
            double oracle = num(m.get("oraclePrice"));
            if (!Double.isNaN(oi) && !Double.isNaN(oracle)) {
                raw.note = "At the recording the open interest was " + StrictJson.fmt(oi) + " " + raw.base + " at an oracle price of "
                        + StrictJson.fmt(oracle) + ", an open notional of " + StrictJson.fmt(Math.round(oi * oracle)) + " " + raw.quote
                        + "; give the open notional as the open interest (--open-interest) to apply the initial margin fraction's"
                        + " scaling between the caps.";
            }
            out.add(raw);
        }
        return out;
    }
}
