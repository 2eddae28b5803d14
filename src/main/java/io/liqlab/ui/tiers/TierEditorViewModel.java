package io.liqlab.ui.tiers;

import io.liqlab.core.Numbers;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.profile.ProfileProblem;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileEdit;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Editing a profile's tier schedule: cells as typed, every edit an undoable command, validation by the same
 * reader that loads profile files (so the editor and the files agree on every rule), and the edited profile
 * whenever the schedule is valid. The editor's state serialises to JSON for drafts and comes back exactly.
 */
public final class TierEditorViewModel {

    /** Editable columns; AMOUNT empty means "derived by the continuity rule". */
    public enum Column {
        FLOOR(ProfileEdit.TierField.FLOOR), CAP(ProfileEdit.TierField.CAP), MAX_LEVERAGE(ProfileEdit.TierField.MAX_LEVERAGE),
        MMR(ProfileEdit.TierField.MAINTENANCE_RATE), AMOUNT(ProfileEdit.TierField.MAINTENANCE_AMOUNT),
        IMR(ProfileEdit.TierField.INITIAL_RATE);

        private final ProfileEdit.TierField field;

        Column(ProfileEdit.TierField field) {
            this.field = field;
        }

        /** The tier field of the profile file this column edits. */
        public ProfileEdit.TierField field() {
            return field;
        }

        static Column of(ProfileEdit.TierField field) {
            for (Column c : values()) {
                if (c.field == field) {
                    return c;
                }
            }
            throw new IllegalArgumentException(field.name());
        }

        String label() {
            return switch (this) {
                case FLOOR -> Text.get("tiers.cell.floor");
                case CAP -> Text.get("tiers.cell.cap");
                case MAX_LEVERAGE -> Text.get("tiers.cell.maxLeverage");
                case MMR -> Text.get("tiers.cell.mmr");
                case AMOUNT -> Text.get("tiers.cell.amount");
                case IMR -> Text.get("tiers.cell.imr");
            };
        }
    }

    /** Profile-level values the editor offers (the profile's {@link ProfileEdit.Setting}s); only those the profile has apply. */
    public enum ProfileField {
        NAME, NOTES, LIQUIDATION_FEE, TAKER_FEE_IN_TRIGGER, PARTIAL_THRESHOLD, PARTIAL_FRACTION, PARTIAL_COOLDOWN,
        BACKSTOP_FRACTION, ADL_RANKING, AS_OF, CONFIDENCE;

        /** The setting of the profile file this field edits. */
        public ProfileEdit.Setting setting() {
            return ProfileEdit.Setting.valueOf(name());
        }

        /** Whether the field is a rate, shown and typed in percent (the file keeps the fraction). */
        public boolean percent() {
            return this == LIQUIDATION_FEE || this == TAKER_FEE_IN_TRIGGER || this == PARTIAL_FRACTION;
        }

        /** The field's name on screen. */
        public String label() {
            return switch (this) {
                case NAME -> Text.get("tiers.field.name");
                case NOTES -> Text.get("tiers.field.notes");
                case LIQUIDATION_FEE -> Text.get("tiers.field.liquidationFee");
                case TAKER_FEE_IN_TRIGGER -> Text.get("tiers.field.takerFeeInTrigger");
                case PARTIAL_THRESHOLD -> Text.get("tiers.field.partialThreshold");
                case PARTIAL_FRACTION -> Text.get("tiers.field.partialFraction");
                case PARTIAL_COOLDOWN -> Text.get("tiers.field.partialCooldown");
                case BACKSTOP_FRACTION -> Text.get("tiers.field.backstopFraction");
                case ADL_RANKING -> Text.get("tiers.field.adlRanking");
                case AS_OF -> Text.get("tiers.field.asOf");
                case CONFIDENCE -> Text.get("tiers.field.confidence");
            };
        }
    }

    /** One tier row: its cells as typed and each cell's message. */
    public static final class Row {
        private final Map<Column, StringProperty> cells = new EnumMap<>(Column.class);
        private final Map<Column, ReadOnlyStringWrapper> errors = new EnumMap<>(Column.class);

        Row() {
            for (Column c : Column.values()) {
                cells.put(c, new SimpleStringProperty(""));
                errors.put(c, new ReadOnlyStringWrapper(""));
            }
        }

        public ReadOnlyStringProperty cellProperty(Column c) {
            return cells.get(c);
        }

        public String cell(Column c) {
            return cells.get(c).get();
        }

        public ReadOnlyStringProperty errorProperty(Column c) {
            return errors.get(c).getReadOnlyProperty();
        }

        Row copy() {
            Row r = new Row();
            cells.forEach((c, p) -> r.cells.get(c).set(p.get()));
            return r;
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final VenueProfile original;
    /** The profile file the cells and fields stand for: the format's knowledge is there, not here. */
    private final ProfileEdit file;
    private final ProfileReader reader = new ProfileReader();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> scheduleProblems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<VenueProfile> edited = new ReadOnlyObjectWrapper<>(this, "edited");
    private final UndoStack undo = new UndoStack();
    private final boolean contracts;
    private final Map<ProfileField, StringProperty> fields = new EnumMap<>(ProfileField.class);
    private final Map<ProfileField, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(ProfileField.class);
    private final List<Row> originalRows;
    private final Map<ProfileField, String> originalFields = new EnumMap<>(ProfileField.class);
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id");
    private final javafx.beans.property.ReadOnlyIntegerWrapper revision = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyObjectWrapper<Typing> typing = new ReadOnlyObjectWrapper<>(this, "typing");

    /**
     * Text typed into a tier cell ({@code column} set) or a profile field ({@code field} set) and not committed yet
     * (no Enter): not an edit, but on screen, so drafts keep it.
     */
    public record Typing(int row, Column column, ProfileField field, String text) {
    }

    /**
     * Opens {@code original} for editing. A shipped profile is never changed: the edits become a user copy with the
     * id {@code <id>-edited} and the name "... (edited)"; a user profile is edited in place.
     */
    public TierEditorViewModel(VenueProfile original) {
        this.original = original;
        boolean shipped = original.origin() == null || original.origin().kind() == VenueProfile.Origin.Kind.SHIPPED;
        id.set(shipped ? original.id() + "-edited" : original.id());
        this.file = new ProfileEdit(original, id.get(), shipped ? Text.format("tiers.editedName", original.name()) : original.name());
        for (ProfileField f : ProfileField.values()) {
            ProfileEdit.Value value = file.value(f.setting()).orElse(null);
            if (value != null) {
                String text = !value.isNumber() ? value.text() : f.percent() ? percent(value.number())
                        : f == ProfileField.PARTIAL_THRESHOLD ? grouped(value.number()) : plain(value.number());
                fields.put(f, new SimpleStringProperty(text));
                fieldErrors.put(f, new ReadOnlyStringWrapper(""));
            }
        }
        this.contracts = original.rules().tiers().basis() == TierSchedule.Basis.CONTRACTS;
        for (int i = 0; i < original.rules().tiers().size(); i++) {
            Tier t = original.rules().tiers().tier(i);
            Row r = new Row();
            // Sizes grouped as everywhere else (1,200,000,000), rates in percent (0.4 for 0.004); the file keeps fractions.
            r.cells.get(Column.FLOOR).set(grouped(t.floor()));
            r.cells.get(Column.CAP).set(t.isUnbounded() ? "" : grouped(t.cap()));
            r.cells.get(Column.MAX_LEVERAGE).set(plain(t.maxLeverage()));
            r.cells.get(Column.MMR).set(percent(t.maintenanceMarginRate()));
            r.cells.get(Column.AMOUNT).set(original.amountSources().get(i) == VenueProfile.AmountSource.OVERRIDE ? grouped(t.maintenanceAmount()) : "");
            r.cells.get(Column.IMR).set(t.hasInitialMarginRate() ? percent(t.initialMarginRate()) : "");
            rows.add(r);
        }
        originalRows = snapshot();
        fields.forEach((f, p) -> originalFields.put(f, p.get()));
        validate();
    }

    public VenueProfile original() {
        return original;
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Problems of the schedule as a whole, each naming where and what is allowed. */
    public ObservableList<String> scheduleProblems() {
        return FXCollections.unmodifiableObservableList(scheduleProblems);
    }

    /** The profile as edited, or null while the schedule is invalid (it can be edited further, not saved). */
    public ReadOnlyObjectProperty<VenueProfile> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public UndoStack undoStack() {
        return undo;
    }

    /** Goes up after every change to the cells or fields (drafts are written on it). */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** What is being typed and not yet committed, or null; drafts are written on it too. */
    public ReadOnlyObjectProperty<Typing> typingProperty() {
        return typing.getReadOnlyProperty();
    }

    /** The view reports the text of an open cell as it changes (before Enter). */
    public void typing(int row, Column column, String text) {
        boolean real = row >= 0 && row < rows.size() && text != null && !text.equals(rows.get(row).cell(column));
        typing.set(real ? new Typing(row, column, null, text) : null);
    }

    /** The view reports the text of a focused field as it changes (before Enter or leaving it). */
    public void typingField(ProfileField field, String text) {
        boolean real = fields.containsKey(field) && text != null && !text.equals(fields.get(field).get());
        typing.set(real ? new Typing(-1, null, field, text) : null);
    }

    /** The cell being typed in was closed (committed or cancelled): its text is no longer on screen. */
    public void doneTyping(int row, Column column) {
        Typing t = typing.get();
        if (t != null && t.row() == row && t.column() == column) {
            typing.set(null);
        }
    }

    /** The id the edits are saved under. */
    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    /** The profile-level fields this profile has, in order. */
    public List<ProfileField> fields() {
        return List.copyOf(fields.keySet());
    }

    public ReadOnlyStringProperty fieldProperty(ProfileField f) {
        return fields.get(f);
    }

    public ReadOnlyStringProperty fieldErrorProperty(ProfileField f) {
        return fieldErrors.get(f).getReadOnlyProperty();
    }

    /** Whether a cell differs from the profile as opened (the diff view highlights it). */
    public boolean changed(int row, Column column) {
        return row >= originalRows.size() || !originalRows.get(row).cell(column).equals(rows.get(row).cell(column));
    }

    // ---- edits, each undoable ----

    public void setField(ProfileField field, String text) {
        StringProperty p = fields.get(field);
        if (p == null) {
            throw new IllegalArgumentException(Text.format("tiers.error.fieldDoesNotApply", field.label()));
        }
        String before = p.get();
        String after = text == null ? "" : text.strip();
        Typing t = typing.get();
        if (t != null && t.field() == field) {
            typing.set(null); // committed now: the draft holds it as an edit
        }
        if (!before.equals(after)) {
            undo.execute(edit(Text.format("tiers.edit.setField", field.label(), after), () -> {
                p.set(after);
                validate();
            }, () -> {
                p.set(before);
                validate();
            }));
        }
    }

    /** Puts one cell back as it was when the profile was opened. */
    public void revertCell(int row, Column column) {
        if (row < originalRows.size()) {
            setCell(row, column, originalRows.get(row).cell(column));
        }
    }

    /** Puts the whole profile back as it was when it was opened, tiers and fields (one undoable edit). */
    public void revertAll() {
        List<Row> before = snapshot();
        Map<ProfileField, String> fieldsBefore = new EnumMap<>(ProfileField.class);
        fields.forEach((f, p) -> fieldsBefore.put(f, p.get()));
        undo.execute(edit(Text.get("tiers.edit.revertAll"), () -> {
            originalFields.forEach((f, v) -> fields.get(f).set(v));
            restore(originalRows);
        }, () -> {
            fieldsBefore.forEach((f, v) -> fields.get(f).set(v));
            restore(before);
        }));
    }

    public void setCell(int row, Column column, String text) {
        String before = rows.get(row).cell(column);
        String after = text == null ? "" : text.strip();
        Typing t = typing.get();
        if (t != null && t.row() == row && t.column() == column) {
            typing.set(null); // committed now: the draft holds it as an edit
        }
        if (before.equals(after)) {
            return;
        }
        String what = after.isEmpty() ? Text.format("tiers.edit.setCellEmpty", row + 1, column.label())
                : Text.format("tiers.edit.setCell", row + 1, column.label(), after);
        undo.execute(edit(what, () -> put(row, column, after), () -> put(row, column, before)));
    }

    /** Adds a tier after the last: the last tier gets a cap (twice its floor, or 1,000,000) and the new one runs from it. */
    public void addTier() {
        List<Row> before = snapshot();
        undo.execute(edit(Text.format("tiers.edit.add", rows.size() + 1), () -> {
            Row last = rows.getLast();
            if (last.cell(Column.CAP).isEmpty()) {
                double floor = number(last.cell(Column.FLOOR));
                last.cells.get(Column.CAP).set(grouped(Double.isNaN(floor) || floor <= 0 ? 1_000_000 : floor * 2));
            }
            Row added = last.copy();
            added.cells.get(Column.FLOOR).set(last.cell(Column.CAP));
            added.cells.get(Column.CAP).set("");
            added.cells.get(Column.AMOUNT).set("");
            rows.add(added);
            validate();
        }, () -> restore(before)));
    }

    public void removeTier(int index) {
        List<Row> before = snapshot();
        undo.execute(edit(Text.format("tiers.edit.remove", index + 1), () -> {
            Row removed = rows.remove(index);
            if (index < rows.size()) {
                rows.get(index).cells.get(Column.FLOOR).set(index == 0 ? "0" : rows.get(index - 1).cell(Column.CAP));
            } else if (!rows.isEmpty()) {
                rows.getLast().cells.get(Column.CAP).set(removed.cell(Column.CAP));
            }
            validate();
        }, () -> restore(before)));
    }

    /** Splits tier {@code index} at {@code at} (a notional or contract count inside it) into two tiers with its values. */
    public void splitTier(int index, double at) {
        Row r = rows.get(index);
        double floor = number(r.cell(Column.FLOOR));
        double cap = r.cell(Column.CAP).isEmpty() ? Double.POSITIVE_INFINITY : number(r.cell(Column.CAP));
        if (!(at > floor && at < cap)) {
            throw new IllegalArgumentException(Text.format("tiers.error.splitOutside", index + 1, plain(floor),
                    Double.isInfinite(cap) ? Text.get("tiers.unbounded") : plain(cap), plain(at)));
        }
        List<Row> before = snapshot();
        undo.execute(edit(Text.format("tiers.edit.split", index + 1, plain(at)), () -> {
            Row upper = rows.get(index).copy();
            rows.get(index).cells.get(Column.CAP).set(grouped(at));
            upper.cells.get(Column.FLOOR).set(grouped(at));
            upper.cells.get(Column.AMOUNT).set("");
            rows.add(index + 1, upper);
            validate();
        }, () -> restore(before)));
    }

    /** Merges tier {@code index} with the next: the lower tier's values over both ranges. */
    public void mergeWithNext(int index) {
        if (index + 1 >= rows.size()) {
            throw new IllegalArgumentException(Text.format("tiers.error.mergeLast", index + 1));
        }
        List<Row> before = snapshot();
        undo.execute(edit(Text.format("tiers.edit.merge", index + 1, index + 2), () -> {
            Row next = rows.remove(index + 1);
            rows.get(index).cells.get(Column.CAP).set(next.cell(Column.CAP));
            validate();
        }, () -> restore(before)));
    }

    // ---- drafts ----

    /** Everything on screen, as JSON: restoring it gives back exactly the same cells. */
    public String toDraft() {
        return toDraft(null);
    }

    /**
     * Everything on screen, and the version of the file the edits started from ({@code fileVersion}, kept as it is
     * when not null), as JSON.
     */
    public String toDraft(String fileVersion) {
        ObjectNode draft = MAPPER.createObjectNode();
        draft.put("profileId", original.id());
        if (fileVersion != null) {
            draft.put("fileVersion", fileVersion);
        }
        draft.put("rates", "percent"); // drafts before this field held rates as fractions
        ObjectNode fieldsNode = draft.putObject("fields");
        fields.forEach((f, p) -> fieldsNode.put(f.name(), p.get()));
        ArrayNode array = draft.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = array.addObject();
            for (Column c : Column.values()) {
                o.put(c.name(), r.cell(c));
            }
        }
        Typing t = typing.get();
        if (t != null) {
            ObjectNode o = draft.putObject("typing");
            if (t.column() != null) {
                o.put("row", t.row());
                o.put("column", t.column().name());
            } else {
                o.put("field", t.field().name());
            }
            o.put("text", t.text());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(draft);
    }

    /** Puts a draft's cells back (an undoable edit). */
    public void restoreDraft(String json) {
        JsonNode draft = MAPPER.readTree(json);
        List<Row> restored = new ArrayList<>();
        for (JsonNode o : draft.path("rows")) {
            Row r = new Row();
            for (Column c : Column.values()) {
                r.cells.get(c).set(o.path(c.name()).asString(""));
            }
            restored.add(r);
        }
        Map<ProfileField, String> fieldsBefore = new EnumMap<>(ProfileField.class);
        Map<ProfileField, String> fieldsAfter = new EnumMap<>(ProfileField.class);
        fields.forEach((f, p) -> {
            fieldsBefore.put(f, p.get());
            fieldsAfter.put(f, draft.path("fields").path(f.name()).asString(p.get()));
        });
        if (!draft.has("rates")) { // an older draft: its rates are fractions, shown now in percent
            for (Row r : restored) {
                for (Column c : List.of(Column.MMR, Column.IMR)) {
                    double v = number(r.cell(c));
                    r.cells.get(c).set(Double.isNaN(v) ? r.cell(c) : percent(v));
                }
            }
            fieldsAfter.replaceAll((f, v) -> f.percent() && !Double.isNaN(number(v)) ? percent(number(v)) : v);
        }
        List<Row> before = snapshot();
        undo.execute(edit(Text.get("tiers.edit.restoreDraft"), () -> {
            fieldsAfter.forEach((f, v) -> fields.get(f).set(v));
            restore(restored);
        }, () -> {
            fieldsBefore.forEach((f, v) -> fields.get(f).set(v));
            restore(before);
        }));
        // What was being typed comes back as typed, not committed: the view reopens the cell or field with it.
        JsonNode t = draft.path("typing");
        String text = t.path("text").asString(null);
        if (text != null && t.has("column")) {
            Column c = enumOrNull(Column.class, t.path("column").asString(""));
            int row = t.path("row").asInt(-1);
            typing.set(c != null && row >= 0 && row < rows.size() ? new Typing(row, c, null, text) : null);
        } else if (text != null && t.has("field")) {
            ProfileField f = enumOrNull(ProfileField.class, t.path("field").asString(""));
            typing.set(f != null && fields.containsKey(f) ? new Typing(-1, null, f, text) : null);
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- internals ----

    private void put(int row, Column column, String text) {
        rows.get(row).cells.get(column).set(text);
        validate();
    }

    private List<Row> snapshot() {
        return rows.stream().map(Row::copy).toList();
    }

    private void restore(List<Row> state) {
        rows.setAll(state.stream().map(Row::copy).toList());
        validate();
    }

    private static UndoableEdit edit(String description, Runnable doIt, Runnable undoIt) {
        return new UndoableEdit() {
            @Override
            public void execute() {
                doIt.run();
            }

            @Override
            public void undo() {
                undoIt.run();
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** Rebuilds the profile JSON from the cells and runs the profile reader over it. */
    private void validate() {
        try {
            check();
        } finally {
            revision.set(revision.get() + 1); // last, so listeners see the finished state
        }
    }

    /**
     * What committing {@code text} to a cell would say about that cell, without changing anything: lets the editor
     * mark a cell while it is being typed. Empty when the value is fine there.
     */
    public String checkCell(int row, Column column, String text) {
        List<Row> candidate = new ArrayList<>(snapshot());
        candidate.get(row).cells.get(column).set(text == null ? "" : text.strip());
        ProfileReader.Validated result = reader.validate(fileName(), tree(candidate), original.origin());
        return result.problems().stream().filter(p -> p.tier() == row && column.field().locates(p)).map(p -> inPercent(column, p.message())).findFirst().orElse("");
    }

    private String fileName() {
        return original.id() + ".json";
    }

    /**
     * The reader's message about a rate cell, which names fractions as the file holds them, with the note that the
     * cell is in percent (typed 3, the message says "got 0.03").
     */
    private static String inPercent(Column column, String message) {
        return column == Column.MMR || column == Column.IMR ? message + Text.get("tiers.error.fractionsInFile") : message;
    }

    private void check() {
        for (Row r : rows) {
            r.errors.values().forEach(e -> e.set(""));
        }
        scheduleProblems.clear();
        fieldErrors.values().forEach(e -> e.set(""));
        ProfileReader.Validated result = reader.validate(fileName(), tree(rows), original.origin());
        edited.set(result.isValid() ? result.profile() : null);
        for (ProfileProblem problem : result.problems()) {
            Column c = ProfileEdit.TierField.of(problem).map(Column::of).orElse(null);
            ProfileField field = fields.keySet().stream().filter(f -> f.setting().locates(problem)).findFirst().orElse(null);
            if (c != null && problem.tier() < rows.size()) {
                rows.get(problem.tier()).errors.get(c).set(inPercent(c, problem.message()));
            } else if (field != null) {
                fieldErrors.get(field).set(field.percent() ? problem.message() + Text.get("tiers.error.fractionsInFile") : problem.message());
            } else {
                scheduleProblems.add(problem.path().replace("$.", "") + ": " + problem.message());
            }
        }
    }

    /** The profile file these cells and fields stand for (numbers in the file's plain notation, rates as fractions). */
    private ObjectNode tree(List<Row> cells) {
        Map<ProfileEdit.Setting, String> settings = new java.util.LinkedHashMap<>();
        fields.forEach((f, p) -> {
            if (!p.get().equals(originalFields.get(f))) { // untouched: the value as read, not as shown (1/3, not 0.333333333333)
                settings.put(f.setting(), f.percent() ? rateInFile(p.get()) : f.setting().numeric() ? numberInFile(p.get()) : p.get());
            }
        });
        List<Map<ProfileEdit.TierField, String>> tiers = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Row r = cells.get(i);
            Map<ProfileEdit.TierField, String> t = new EnumMap<>(ProfileEdit.TierField.class);
            for (Column c : Column.values()) {
                String text = r.cell(c);
                boolean asShown = i < originalRows.size() && text.equals(originalRows.get(i).cell(c));
                // A cell left as shown keeps the value as read (a rate shown rounded keeps its every digit).
                t.put(c.field(), asShown ? file.asRead(i, c.field())
                        : text.isEmpty() && (c == Column.CAP || c == Column.IMR || c == Column.AMOUNT) ? ""
                        : c == Column.MMR || c == Column.IMR ? rateInFile(text) : numberInFile(text));
            }
            tiers.add(t);
        }
        return file.tree(settings, tiers);
    }

    /** The profile file the editor's cells and fields stand for now (what is validated, and what a save writes). */
    ObjectNode tree() {
        return tree(rows);
    }

    /** A cell as typed (in the user's locale or the locale-independent form, see NumberText) in the file's notation. */
    private static String numberInFile(String text) {
        return NumberText.canonical(text, LocalNumbers.locale()).orElse(text);
    }

    /** A rate cell in percent ("0.4", "0.4%") as the file's fraction ("0.004"), digit for digit; other text as typed. */
    private static String rateInFile(String text) {
        try {
            return new BigDecimal(NumberText.canonical(withoutPercentSign(text), LocalNumbers.locale()).orElse(text)).movePointLeft(2)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return text; // the reader says "must be a number ..., got the string ..."
        }
    }

    private static String withoutPercentSign(String text) {
        String t = text.strip();
        return t.endsWith("%") ? t.substring(0, t.length() - 1) : t;
    }

    private static double number(String text) {
        return NumberText.parse(text).orElse(Double.NaN);
    }

    /** A size as a cell shows it: grouped in the user's format (1,200,000,000; 1.200.000.000 in German), parsed back. */
    static String grouped(double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(LocalNumbers.locale());
        f.setGroupingUsed(true);
        f.setMaximumFractionDigits(10);
        return f.format(new BigDecimal(plain(v).replace(Numbers.decimalSeparator(LocalNumbers.locale()), '.')));
    }

    /** A rate as a cell shows it: in percent, without noise (0.0065 gives 0.65). */
    static String percent(double rate) {
        return Double.isNaN(rate) ? "" : LocalNumbers.plain(new BigDecimal(Double.toString(rate)).movePointRight(2).doubleValue());
    }

    /** A value as a cell shows it: plain, with the user's decimal separator (0.004; 0,004 in German). */
    static String plain(double v) {
        return LocalNumbers.plain(v);
    }

    /**
     * The derived (or overriding) maintenance amount of a tier, formatted. While the schedule is invalid the amounts
     * are still derived from the cells by the continuity rule, as far as they are numbers, and a tier whose floor is
     * not the previous tier's cap says so (so breaking continuity marks the broken rows instead of blanking the column).
     */
    public String amountShown(int row) {
        VenueProfile p = edited.get();
        if (contracts) {
            return Text.get("tiers.none");
        }
        String kind = rows.get(row).cell(Column.AMOUNT).isEmpty() ? "tiers.amountDerived" : "tiers.amountOverride";
        if (p != null && row < p.rules().tiers().size()) {
            return Text.format(kind, LocalNumbers.money(p.rules().tiers().tier(row).maintenanceAmount()));
        }
        double amount = amountsFromCells()[row];
        if (Double.isNaN(amount)) {
            return Text.get("tiers.amountUnknown");
        }
        double floor = number(rows.get(row).cell(Column.FLOOR));
        double previousCap = row == 0 ? 0 : number(rows.get(row - 1).cell(Column.CAP));
        if (floor != previousCap && rows.get(row).cell(Column.AMOUNT).isEmpty()) {
            return Text.format(row == 0 ? "tiers.amountFirstFloor" : "tiers.amountBroken", LocalNumbers.money(amount), row);
        }
        return Text.format(kind, LocalNumbers.money(amount));
    }

    /** Each tier's maintenance amount by the continuity rule from the cells as typed (NaN from a cell that is not a number on). */
    private double[] amountsFromCells() {
        double[] amounts = new double[rows.size()];
        double previousAmount = 0;
        double previousRate = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double rate = rate(r.cell(Column.MMR));
            double amount;
            if (!r.cell(Column.AMOUNT).isEmpty()) {
                amount = number(r.cell(Column.AMOUNT));
            } else if (i == 0) {
                amount = 0;
            } else {
                amount = TierSchedule.continuityAmount(previousAmount, number(r.cell(Column.FLOOR)), rate, previousRate);
            }
            amounts[i] = amount;
            previousAmount = amount;
            previousRate = rate;
        }
        return amounts;
    }

    /** A rate cell (in percent) as a fraction; NaN when it is not a number. */
    private static double rate(String text) {
        return number(withoutPercentSign(text)) / 100;
    }

    /**
     * The name a copy is offered under: the name without the "(edited)" or "(copy)" this editor added before, plus
     * "(copy)" once, so copies of copies do not pile the words up.
     */
    public String copyName() {
        String name = fields.containsKey(ProfileField.NAME) ? fields.get(ProfileField.NAME).get() : original.name();
        String edited = Text.format("tiers.editedName", "");
        String copy = Text.format("tiers.saveAs.copyName", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : List.of(edited, copy)) {
                if (!suffix.isBlank() && name.endsWith(suffix) && name.length() > suffix.length()) {
                    name = name.substring(0, name.length() - suffix.length()).strip();
                    stripped = true;
                }
            }
        }
        return Text.format("tiers.saveAs.copyName", name);
    }

    /**
     * Whether the user changed any value the profile's data stands for: a tier cell, a tier added or removed, or a rule
     * field (not the name or notes), compared with the text as opened.
     */
    public boolean valuesChanged() {
        if (rows.size() != originalRows.size()) {
            return true;
        }
        for (int i = 0; i < rows.size(); i++) {
            for (Column c : Column.values()) {
                if (changed(i, c)) {
                    return true;
                }
            }
        }
        return fields.keySet().stream().filter(f -> f.setting().numeric() || f == ProfileField.ADL_RANKING).anyMatch(this::fieldChanged);
    }

    /** Whether any cell or field differs from the profile as opened (Revert all has something to put back). */
    public boolean changedSinceOpened() {
        return valuesChanged() || fields.keySet().stream().anyMatch(this::fieldChanged);
    }

    /** Whether the user changed a profile-level field from its value when opened (the provenance fields, say). */
    public boolean fieldChanged(ProfileField field) {
        return fields.containsKey(field) && !fields.get(field).get().equals(originalFields.get(field));
    }

    /** Whether an edit changes the file against what was loaded (cells differ from the original's). */
    public boolean differsFromOriginal() {
        VenueProfile p = edited.get();
        return p == null || !p.rules().tiers().tiers().equals(original.rules().tiers().tiers())
                || !p.rules().equals(original.rules().withTiers(p.rules().tiers()));
    }
}
