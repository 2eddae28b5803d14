package io.liqlab.ui.tiers;

import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileException;
import io.liqlab.profile.ProfileProblem;
import io.liqlab.profile.ProfileStore;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Text;
import io.liqlab.ui.task.TaskExecutor;
import io.liqlab.ui.shell.Notifier;
import io.liqlab.ui.shell.RecordingNotifier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tier editor around one {@link TierEditorViewModel}: opening a profile, saving (atomically, to the user
 * folder), save as, rename, delete, import, export, a draft on disk as the editor's text changes, and noticing edits
 * made to the file outside the app. A save never replaces a version this window has not seen: if another window or
 * program changed the file since this one read or wrote it, the user is asked (reload, overwrite, save as).
 */
public final class TierWorkbenchViewModel {

    private final ObservableList<VenueProfile> profiles;
    private final io.liqlab.ui.MarketChoices markets;
    private final ProfileStore store;
    private final DraftStore drafts;
    private final DraftWriter draftWriter;
    private final TierEditorPrompts prompts;
    private final Notifier notifier;
    /** Whether the profile open is a file in the user folder (it can be renamed and deleted). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper userFile = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "userFile");
    /** Text being typed when a restored draft was written: the view opens that cell or field again with it. */
    private final ReadOnlyObjectWrapper<TierEditorViewModel.Typing> restoredTyping = new ReadOnlyObjectWrapper<>(this, "restoredTyping");
    private TierEditorCommands commands;
    private final ReadOnlyObjectWrapper<TierEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            Text.get("tiers.status.start"));
    private final ChangeListener<Number> writeDraft = (obs, was, now) -> writeDraft();
    private final ChangeListener<TierEditorViewModel.Typing> writeTypedDraft = (obs, was, now) -> writeDraft();
    private final ChangeListener<Number> refreshProblems = (obs, was, now) -> refreshProblemsStatus();
    private final Clock clock;
    /** The "not saved: problems (n)" line last shown, so it follows the edits instead of going stale. */
    private String problemsStatus;
    /** Edits since the profile was opened, saved or reloaded (what Quit asks about); a property so the shell can follow it. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper dirty = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "dirty");

    /** How long after a change its draft is on disk, at most: a burst of typing is one write. */
    public static final java.time.Duration DRAFT_DELAY = java.time.Duration.ofMillis(300);

    /**
     * Drafts written at once on the calling thread, and a changed file never overwritten without asking (here:
     * refused, with the reason in the status line).
     */
    public TierWorkbenchViewModel(List<VenueProfile> profiles, ProfileStore store, DraftStore drafts) {
        this(profiles, store, drafts, Clock.systemDefaultZone());
    }

    /** As above, with {@code clock} dating a user's edits (today's date in the saved profile's provenance). */
    public TierWorkbenchViewModel(List<VenueProfile> profiles, ProfileStore store, DraftStore drafts, Clock clock) {
        this(profiles, store, drafts, null, TierEditorPrompts.KEEP_EDITING, Runnable::run, clock);
    }

    /**
     * {@code profiles} is used as it is when it is an ObservableList: saved profiles then appear app-wide.
     *
     * @param tasks    the app's task executor: drafts are written on a serial lane of it, {@link #DRAFT_DELAY} after a
     *                 change (null: at once, on the calling thread)
     * @param prompts  asks the user what to do when a save meets a file changed meanwhile
     * @param fxThread runs a status change from the draft lane on the FX thread
     */
    public TierWorkbenchViewModel(List<VenueProfile> profiles, ProfileStore store, DraftStore drafts, TaskExecutor tasks,
                                  TierEditorPrompts prompts, java.util.concurrent.Executor fxThread) {
        this(profiles, store, drafts, tasks, prompts, fxThread, Clock.systemDefaultZone());
    }

    /** @param clock dates a user's edits (today's date in the saved profile's provenance) */
    public TierWorkbenchViewModel(List<VenueProfile> profiles, ProfileStore store, DraftStore drafts, TaskExecutor tasks,
                                  TierEditorPrompts prompts, java.util.concurrent.Executor fxThread, Clock clock) {
        this(profiles, store, drafts, tasks, prompts, new RecordingNotifier(), fxThread, clock);
    }

    /**
     * The window's workbench.
     *
     * @param prompts  the questions that need an answer, asked through the app's dialog service
     * @param notifier how the status, errors and the offer of drafts left by an earlier run reach the user: the
     *                 shell's, as for every screen
     */
    public TierWorkbenchViewModel(List<VenueProfile> profiles, ProfileStore store, DraftStore drafts, TaskExecutor tasks,
                                  TierEditorPrompts prompts, Notifier notifier, java.util.concurrent.Executor fxThread, Clock clock) {
        this.notifier = notifier;
        this.profiles = profiles instanceof ObservableList<VenueProfile> live ? live : FXCollections.observableArrayList(profiles);
        this.store = store;
        this.drafts = drafts;
        this.prompts = prompts;
        this.clock = clock;
        this.markets = new io.liqlab.ui.MarketChoices(clock); // data ages by the clock given, as the Position form's
        java.util.function.Consumer<IOException> failed = ex -> fxThread.execute(
                () -> fail(Text.format("tiers.status.draftNotKept", ex.getMessage())));
        this.draftWriter = tasks == null ? DraftWriter.immediate(drafts, failed)
                : new DraftWriter(drafts, tasks.serial("liqlab-drafts"), DRAFT_DELAY, failed);
    }

    /** The editor's buttons and shortcuts, each with the state it can act in (built on first use). */
    public TierEditorCommands commands() {
        if (commands == null) {
            commands = new TierEditorCommands(this, prompts);
        }
        return commands;
    }

    /** Whether the profile open is a file in the user folder (saved, imported or restored there): it can be renamed and deleted. */
    public javafx.beans.property.ReadOnlyBooleanProperty userFileProperty() {
        return userFile.getReadOnlyProperty();
    }

    /** After a draft is restored: the text that was being typed when it was written (null when none). */
    public ReadOnlyObjectProperty<TierEditorViewModel.Typing> restoredTypingProperty() {
        return restoredTyping.getReadOnlyProperty();
    }

    /** A passing note: the editor's status, and the shell's status line. */
    private void say(String message) {
        status.set(message);
        notifier.status(message);
    }

    /** Something the user asked for was not done: said the one way every screen says it (the bar over the tabs). */
    void fail(String message) {
        status.set(message);
        notifier.error(message);
    }

    /**
     * Offers back, one after another, the drafts an earlier run left (closed or killed with unsaved edits), on the
     * shell's notification bar: Restore opens the profile with them (after {@code beforeRestore}, which shows the tier
     * editor), Discard throws them away; closing the bar leaves them for the next start. Nothing is restored without asking.
     */
    public void offerDrafts(Runnable beforeRestore) {
        List<String> left = pendingDrafts();
        if (left.isEmpty()) {
            return;
        }
        String draft = left.getFirst();
        // The next draft is offered once this one is dealt with; a failure stays on the bar instead (said by fail).
        notifier.offer(Text.format("tiers.draft.offer", draft), Text.get("tiers.draft.restore"), () -> {
            beforeRestore.run();
            if (restoreDraft(draft)) {
                offerDrafts(beforeRestore);
            }
        }, Text.get("tiers.draft.discard"), () -> {
            discardDraft(draft);
            if (!pendingDrafts().contains(draft)) {
                offerDrafts(beforeRestore);
            }
        });
    }

    /** What the "open" chooser shows of each profile (data date, amber flags) and how typing filters it. */
    public io.liqlab.ui.MarketChoices markets() {
        return markets;
    }

    /** The profiles that can be opened; saved copies are added here at once. */
    public ObservableList<VenueProfile> profiles() {
        return profiles;
    }

    public ReadOnlyObjectProperty<TierEditorViewModel> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    /** What the last action did, or what went wrong, in one sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /**
     * Adds {@code profile} to the live list every tab shows when no profile with its id is there yet (a market of
     * the shipped snapshot that a guided example brings in); returns the listed one.
     */
    public VenueProfile showEverywhere(VenueProfile profile) {
        for (VenueProfile p : profiles) {
            if (p.id().equals(profile.id())) {
                return p;
            }
        }
        profiles.add(profile);
        return profile;
    }

    public void open(VenueProfile profile) {
        TierEditorViewModel old = editor.get();
        if (old != null) {
            old.revisionProperty().removeListener(writeDraft);
            old.typingProperty().removeListener(writeTypedDraft);
            old.revisionProperty().removeListener(refreshProblems);
        }
        VenueProfile shown = fromDisk(profile);
        TierEditorViewModel e = new TierEditorViewModel(shown);
        if (shown == profile) {
            store.track(e.idProperty().get()); // the version (or absence) of the file a save would replace, as of now
        }
        e.revisionProperty().addListener(writeDraft);
        e.typingProperty().addListener(writeTypedDraft);
        e.revisionProperty().addListener(refreshProblems);
        dirty.set(false);
        userFile.set(isUserFile(shown));
        restoredTyping.set(null);
        editor.set(e);
        say(profile.origin() != null && profile.origin().kind() == VenueProfile.Origin.Kind.SHIPPED
                ? Text.format("tiers.status.shipped", e.idProperty().get(), store.dir())
                : Text.format("tiers.status.editing", profile.id()));
    }

    /** Drafts left by an earlier run (the app was closed or killed with unsaved edits), by editor id. */
    public List<String> pendingDrafts() {
        try {
            return drafts.pending();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Opens the profile a draft belongs to and puts the draft's cells back. */
    public boolean restoreDraft(String draftId) {
        try {
            Optional<String> json = drafts.load(draftId);
            if (json.isEmpty()) {
                return false;
            }
            tools.jackson.databind.JsonNode draft = tools.jackson.databind.json.JsonMapper.shared().readTree(json.get());
            String originalId = draft.path("profileId").asString("");
            Optional<VenueProfile> original = profiles.stream().filter(p -> p.id().equals(originalId)).findFirst();
            if (original.isEmpty()) {
                fail(Text.format("tiers.status.draftOrphan", draftId, originalId));
                return false;
            }
            open(original.get());
            editor.get().restoreDraft(json.get());
            // The edits started from the file as it was then: a save over a version saved since asks first.
            String fileVersion = draft.path("fileVersion").asString(null);
            if (fileVersion != null) {
                store.assumeSeen(editor.get().idProperty().get(), fileVersion);
            }
            TierEditorViewModel.Typing typed = editor.get().typingProperty().get();
            restoredTyping.set(typed);
            say(typed == null ? Text.format("tiers.status.draftRestored", draftId)
                    : Text.format("tiers.status.draftRestoredTyping", draftId, typed.column() != null
                    ? Text.format("tiers.typing.cell", typed.row() + 1, typed.column().label(), typed.text())
                    : Text.format("tiers.typing.field", typed.field().label(), typed.text())));
            return true;
        } catch (IOException | RuntimeException e) {
            // A corrupt draft: the line and column and what is wrong, never the parser's internals.
            fail(Text.format("tiers.status.draftNotRestored", draftId, e instanceof tools.jackson.core.exc.StreamReadException j
                    ? io.liqlab.profile.StrictJson.syntaxError(j)
                    : e instanceof tools.jackson.core.JacksonException j ? String.valueOf(j.getOriginalMessage()).lines().findFirst().orElse("")
                    : e instanceof java.nio.charset.CharacterCodingException ? Text.get("tiers.status.draftNotUtf8")
                    : e.getMessage()));
            return false;
        }
    }

    /** Throws away a draft an earlier run left behind (the user turned the offer down). */
    public void discardDraft(String draftId) {
        try {
            drafts.discardLeftBehind(draftId);
        } catch (IOException e) {
            fail(Text.format("tiers.status.draftNotRemoved", draftId, e.getMessage()));
        }
    }

    /** Saves the valid edited profile under its id; an invalid schedule is not saved and says why. */
    public boolean save() {
        TierEditorViewModel e = editor.get();
        if (e == null) {
            return false;
        }
        VenueProfile edited = e.editedProperty().get();
        if (edited == null) {
            problemsStatus = Text.format("tiers.status.notSavedProblems", problemCount(e));
            fail(problemsStatus);
            return false;
        }
        try {
            return saved(store.saveUnlessChanged(dated(e, edited)));
        } catch (ProfileStore.ChangedOnDiskException changed) {
            return saveOverChangedFile(e, dated(e, edited), changed.file());
        } catch (IOException ex) {
            fail(Text.format("tiers.status.notSavedUnchanged", ex.getMessage()));
            return false;
        }
    }

    /** Another window or program changed the file since this window read or wrote it: the user chooses. */
    private boolean saveOverChangedFile(TierEditorViewModel e, VenueProfile edited, Path file) {
        String id = e.idProperty().get();
        say(Text.format("tiers.status.changedBeforeSave", id, file));
        switch (prompts.fileChanged(id, file)) {
            case RELOAD -> {
                return reload();
            }
            case OVERWRITE -> {
                try {
                    return saved(store.save(edited));
                } catch (IOException ex) {
                    fail(Text.format("tiers.status.notSavedUnchanged", ex.getMessage()));
                    return false;
                }
            }
            case SAVE_AS -> {
                Optional<String> newId = prompts.idForCopy(id + "-copy");
                if (newId.isEmpty()) {
                    fail(Text.format("tiers.status.changedBeforeSave", id, file));
                    return false;
                }
                return saveAs(newId.get().strip(), e.copyName());
            }
            case KEEP_EDITING -> {
                fail(Text.format("tiers.status.changedBeforeSave", id, file));
                return false;
            }
        }
        return false;
    }

    /** Shows the open profile's file as it is on disk now, throwing the edits (and this window's draft) away. */
    public boolean reload() {
        TierEditorViewModel e = editor.get();
        if (e == null) {
            return false;
        }
        String id = e.idProperty().get();
        try {
            VenueProfile now = store.load(id);
            draftWriter.discard(id);
            replace(now);
            open(now);
            say(Text.format("tiers.status.reloaded", id));
            return true;
        } catch (ProfileException ex) {
            fail(Text.format("tiers.status.notReloaded", id,
                    ex.problems().stream().map(ProfileProblem::toString).collect(Collectors.joining("; "))));
            return false;
        }
    }

    private boolean saved(VenueProfile saved) {
        draftWriter.discard(saved.id());
        dirty.set(false);
        userFile.set(true);
        replace(saved);
        say(Text.format("tiers.status.saved", saved.id(), store.fileFor(saved.id())));
        return true;
    }

    /** Saves a copy under another id and name, and keeps editing the copy. */
    public boolean saveAs(String newId, String newName) {
        TierEditorViewModel e = editor.get();
        if (e == null || e.editedProperty().get() == null) {
            fail(Text.get("tiers.status.notSavedInvalid"));
            return false;
        }
        VenueProfile p = e.editedProperty().get();
        VenueProfile copy = new VenueProfile(newId, newName, p.venue(), p.market(), p.rules(), p.amountSources(), p.launchParameters(),
                p.text(), dated(e, p).provenance(), p.origin());
        try {
            if (!io.liqlab.profile.ProfileReader.isValidId(newId)) {
                fail(Text.format("tiers.status.notSavedBadId", newId));
                return false;
            }
            boolean sameId = newId.equals(e.idProperty().get());
            if (!sameId && java.nio.file.Files.exists(store.fileFor(newId))) {
                fail(Text.format("tiers.status.notSavedExists", newId)); // a copy never replaces another profile
                return false;
            }
            VenueProfile saved = sameId ? store.saveUnlessChanged(copy) : store.save(copy);
            draftWriter.discard(e.idProperty().get());
            replace(saved);
            open(saved);
            say(Text.format("tiers.status.savedCopy", newId));
            return true;
        } catch (IOException ex) {
            fail(Text.format("tiers.status.notSaved", ex.getMessage()));
            return false;
        }
    }

    /**
     * Renames the saved user profile being edited to {@code newId}: the new file is written first, then the old one
     * removed, and the editor continues on the new id.
     */
    public boolean rename(String newId) {
        TierEditorViewModel e = editor.get();
        if (e == null || e.editedProperty().get() == null) {
            fail(Text.get("tiers.status.notRenamedInvalid"));
            return false;
        }
        if (!io.liqlab.profile.ProfileReader.isValidId(newId)) {
            fail(Text.format("tiers.status.notRenamedBadId", newId));
            return false;
        }
        String oldId = e.idProperty().get();
        VenueProfile p = e.editedProperty().get();
        VenueProfile renamed = new VenueProfile(newId, p.name(), p.venue(), p.market(), p.rules(), p.amountSources(), p.launchParameters(),
                p.text(), p.provenance(), p.origin());
        try {
            store.rename(oldId, renamed);
            draftWriter.discard(oldId);
            profiles.removeIf(x -> x.id().equals(oldId) && x.origin() != null && x.origin().kind() == VenueProfile.Origin.Kind.USER);
            VenueProfile saved = store.load(newId);
            replace(saved);
            open(saved);
            say(Text.format("tiers.status.renamed", oldId, newId));
            return true;
        } catch (IOException | ProfileException | RuntimeException ex) {
            fail(Text.format("tiers.status.notRenamed", ex.getMessage()));
            return false;
        }
    }

    /** Deletes the user profile being edited (the caller has asked for confirmation). */
    public boolean delete() {
        TierEditorViewModel e = editor.get();
        if (e == null) {
            return false;
        }
        String id = e.idProperty().get();
        try {
            boolean removed = store.delete(id);
            draftWriter.discard(id);
            userFile.set(false);
            profiles.removeIf(p -> p.id().equals(id) && p.origin() != null && p.origin().kind() == VenueProfile.Origin.Kind.USER);
            say(Text.format(removed ? "tiers.status.deleted" : "tiers.status.neverSaved", id));
            return removed;
        } catch (IOException ex) {
            fail(Text.format("tiers.status.notDeleted", id, ex.getMessage()));
            return false;
        }
    }

    /** Imports a profile file; a broken one lists every problem and changes nothing. */
    public boolean importFile(Path file) {
        try {
            VenueProfile imported = store.importFile(file);
            replace(imported);
            open(imported);
            say(Text.format("tiers.status.imported", imported.id(), file));
            return true;
        } catch (ProfileException e) {
            fail(Text.format("tiers.status.notImportedProblems", e.problems().stream().map(ProfileProblem::toString).collect(Collectors.joining("; "))));
            return false;
        } catch (IOException e) {
            fail(Text.format("tiers.status.notImported", e.getMessage()));
            return false;
        }
    }

    public boolean export(Path file) {
        TierEditorViewModel e = editor.get();
        if (e == null || e.editedProperty().get() == null) {
            fail(Text.get("tiers.status.notExportedInvalid"));
            return false;
        }
        try {
            store.export(e.editedProperty().get(), file);
            say(Text.format("tiers.status.exported", file));
            return true;
        } catch (IOException ex) {
            fail(Text.format("tiers.status.notExported", ex.getMessage()));
            return false;
        }
    }

    /** Checks whether the open profile's file was changed outside the app; says so in the status line. */
    public boolean checkOutsideEdits() {
        TierEditorViewModel e = editor.get();
        if (e == null) {
            return false;
        }
        boolean changed = store.changedOnDisk(e.idProperty().get()).orElse(false);
        if (changed) {
            fail(Text.format("tiers.status.changedOutside", e.idProperty().get()));
        }
        return changed;
    }

    /**
     * The profile as it is saved: when the user changed its rules or tiers (and did not set the date and confidence
     * themselves), it is dated today with confidence "low" (the format's word for values not checked against the
     * venue), and the notes say which data it started from.
     */
    private VenueProfile dated(TierEditorViewModel e, VenueProfile p) {
        if (!e.valuesChanged() || e.fieldChanged(TierEditorViewModel.ProfileField.AS_OF)
                || e.fieldChanged(TierEditorViewModel.ProfileField.CONFIDENCE)) {
            return p;
        }
        io.liqlab.profile.Provenance was = e.original().provenance();
        String today = LocalDate.now(clock).toString();
        io.liqlab.profile.Provenance now = new io.liqlab.profile.Provenance(today,
                Text.formatRoot("tiers.userEdit.asOfNote", today, e.original().id(), was.asOf()), USER_EDITED_CONFIDENCE,
                Text.formatRoot("tiers.userEdit.confidenceNote", was.confidence()), was.sources(), was.standIns());
        return new VenueProfile(p.id(), p.name(), p.venue(), p.market(), p.rules(), p.amountSources(), p.launchParameters(), p.text(),
                now, p.origin());
    }

    /** The profile format's confidence for values a user typed in: they have not been checked against the venue. */
    static final String USER_EDITED_CONFIDENCE = "low";

    /** A "has problems (n)" status follows the edits: the new count, or that the schedule can now be saved. */
    private void refreshProblemsStatus() {
        TierEditorViewModel e = editor.get();
        if (e == null || problemsStatus == null || !problemsStatus.equals(status.get())) {
            problemsStatus = null;
            return;
        }
        if (e.editedProperty().get() != null) {
            problemsStatus = null;
            say(Text.format("tiers.status.problemsFixed", e.idProperty().get()));
            notifier.dismiss(); // the refusal on the bar no longer holds
        } else {
            problemsStatus = Text.format("tiers.status.notSavedProblems", problemCount(e));
            say(problemsStatus);
        }
    }

    private void writeDraft() {
        TierEditorViewModel e = editor.get();
        if (e == null) {
            return;
        }
        dirty.set(true);
        String id = e.idProperty().get();
        draftWriter.keep(id, e.toDraft(store.seenVersion(id).orElse(null)));
    }

    /** Writes the draft waiting to be written and waits for it (the app is closing). */
    public void flushDrafts() {
        draftWriter.flush(java.time.Duration.ofSeconds(2));
    }

    /**
     * A user profile as its file holds it now (another window may have saved it since the list was read), read
     * afresh and its version remembered for the save; any other profile as it is (the same object).
     */
    private VenueProfile fromDisk(VenueProfile profile) {
        if (!isUserFile(profile)) {
            return profile;
        }
        try {
            // Not put into the shared list here: the list is being read by whoever asked to open it (a combo box).
            return store.load(profile.id());
        } catch (ProfileException ex) {
            return profile; // gone or broken: edit what was listed; the save then asks before making it again
        }
    }

    private boolean isUserFile(VenueProfile profile) {
        return profile.origin() != null && profile.origin().kind() == VenueProfile.Origin.Kind.USER
                && java.nio.file.Files.exists(store.fileFor(profile.id()));
    }

    /** Puts a saved profile in the shared list in one change, so views holding the old version can find the new one. */
    private void replace(VenueProfile saved) {
        for (int i = 0; i < profiles.size(); i++) {
            VenueProfile p = profiles.get(i);
            if (p.id().equals(saved.id()) && p.origin() != null && p.origin().kind() != VenueProfile.Origin.Kind.SHIPPED) {
                profiles.set(i, saved);
                return;
            }
        }
        profiles.add(saved);
    }

    private static int problemCount(TierEditorViewModel e) {
        int n = e.scheduleProblems().size();
        for (TierEditorViewModel.Row r : e.rows()) {
            for (TierEditorViewModel.Column c : TierEditorViewModel.Column.values()) {
                n += r.errorProperty(c).get().isEmpty() ? 0 : 1;
            }
        }
        for (TierEditorViewModel.ProfileField f : e.fields()) {
            n += e.fieldErrorProperty(f).get().isEmpty() ? 0 : 1;
        }
        return n;
    }
}
