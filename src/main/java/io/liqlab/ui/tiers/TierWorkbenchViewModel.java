package io.liqlab.ui.tiers;

import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileException;
import io.liqlab.profile.ProfileProblem;
import io.liqlab.profile.ProfileStore;
import io.liqlab.profile.VenueProfile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tier editor around one {@link TierEditorViewModel}: opening a profile, saving (atomically, to the user
 * folder), save as, rename, delete, import, export, a draft on disk after every change, and noticing edits made to
 * the file outside the app.
 */
public final class TierWorkbenchViewModel {

    private final ObservableList<VenueProfile> profiles;
    private final ProfileStore store;
    private final DraftStore drafts;
    private final ReadOnlyObjectWrapper<TierEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Open a profile to edit its tiers and rules; shipped profiles are edited as a copy in your user folder.");
    private final ChangeListener<Number> writeDraft = (obs, was, now) -> writeDraft();
    private boolean dirty;

    /** {@code profiles} is used as it is when it is an ObservableList: saved profiles then appear app-wide. */
    public TierWorkbenchViewModel(List<VenueProfile> profiles, ProfileStore store, DraftStore drafts) {
        this.profiles = profiles instanceof ObservableList<VenueProfile> live ? live : FXCollections.observableArrayList(profiles);
        this.store = store;
        this.drafts = drafts;
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
        return dirty;
    }

    public void open(VenueProfile profile) {
        TierEditorViewModel old = editor.get();
        if (old != null) {
            old.revisionProperty().removeListener(writeDraft);
        }
        TierEditorViewModel e = new TierEditorViewModel(profile);
        e.revisionProperty().addListener(writeDraft);
        dirty = false;
        editor.set(e);
        status.set(profile.origin() != null && profile.origin().kind() == VenueProfile.Origin.Kind.SHIPPED
                ? "Shipped profiles are read-only: your edits are saved as " + e.idProperty().get() + " in " + store.dir() + "."
                : "Editing " + profile.id() + ".");
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
            String originalId = tools.jackson.databind.json.JsonMapper.shared().readTree(json.get()).path("profileId").asString("");
            Optional<VenueProfile> original = profiles.stream().filter(p -> p.id().equals(originalId)).findFirst();
            if (original.isEmpty()) {
                status.set("The draft " + draftId + " belongs to " + originalId + ", which is no longer loaded; it was kept on disk.");
                return false;
            }
            open(original.get());
            editor.get().restoreDraft(json.get());
            status.set("Restored your unsaved edits to " + draftId + ".");
            return true;
        } catch (IOException | RuntimeException e) {
            status.set("Could not restore the draft " + draftId + ": " + e.getMessage());
            return false;
        }
    }

    public void discardDraft(String draftId) {
        try {
            drafts.discard(draftId);
        } catch (IOException e) {
            status.set("Could not remove the draft " + draftId + ": " + e.getMessage());
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
            status.set("Not saved: the schedule has problems (" + problemCount(e) + "); fix the marked cells first.");
            return false;
        }
        try {
            VenueProfile saved = store.save(edited);
            drafts.discard(e.idProperty().get());
            dirty = false;
            replace(saved);
            status.set("Saved " + saved.id() + " to " + store.fileFor(saved.id()) + ".");
            return true;
        } catch (IOException ex) {
            status.set("Not saved: " + ex.getMessage() + ". The old file is unchanged.");
            return false;
        }
    }

    /** Saves a copy under another id and name, and keeps editing the copy. */
    public boolean saveAs(String newId, String newName) {
        TierEditorViewModel e = editor.get();
        if (e == null || e.editedProperty().get() == null) {
            status.set("Not saved: the schedule has problems; fix the marked cells first.");
            return false;
        }
        VenueProfile p = e.editedProperty().get();
        VenueProfile copy = new VenueProfile(newId, newName, p.venue(), p.market(), p.rules(), p.amountSources(), p.launchParameters(),
                p.text(), p.provenance(), p.origin());
        try {
            if (!io.liqlab.profile.ProfileReader.isValidId(newId)) {
                status.set("Not saved: an id is 1 to 64 lowercase letters, digits or '-', got '" + newId + "'.");
                return false;
            }
            VenueProfile saved = store.save(copy);
            drafts.discard(e.idProperty().get());
            replace(saved);
            open(saved);
            status.set("Saved a copy as " + newId + ".");
            return true;
        } catch (IOException ex) {
            status.set("Not saved: " + ex.getMessage());
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
            status.set("Not renamed: the schedule has problems; fix the marked cells first.");
            return false;
        }
        if (!io.liqlab.profile.ProfileReader.isValidId(newId)) {
            status.set("Not renamed: an id is 1 to 64 lowercase letters, digits or '-', got '" + newId + "'.");
            return false;
        }
        String oldId = e.idProperty().get();
        VenueProfile p = e.editedProperty().get();
        VenueProfile renamed = new VenueProfile(newId, p.name(), p.venue(), p.market(), p.rules(), p.amountSources(), p.launchParameters(),
                p.text(), p.provenance(), p.origin());
        try {
            store.rename(oldId, renamed);
            drafts.discard(oldId);
            profiles.removeIf(x -> x.id().equals(oldId) && x.origin() != null && x.origin().kind() == VenueProfile.Origin.Kind.USER);
            VenueProfile saved = store.load(newId);
            replace(saved);
            open(saved);
            status.set("Renamed " + oldId + " to " + newId + ".");
            return true;
        } catch (IOException | ProfileException | RuntimeException ex) {
            status.set("Not renamed: " + ex.getMessage());
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
            drafts.discard(id);
            profiles.removeIf(p -> p.id().equals(id) && p.origin() != null && p.origin().kind() == VenueProfile.Origin.Kind.USER);
            status.set(removed ? "Deleted " + id + "." : id + " was never saved; nothing to delete.");
            return removed;
        } catch (IOException ex) {
            status.set("Could not delete " + id + ": " + ex.getMessage());
            return false;
        }
    }

    /** Imports a profile file; a broken one lists every problem and changes nothing. */
    public boolean importFile(Path file) {
        try {
            VenueProfile imported = store.importFile(file);
            replace(imported);
            open(imported);
            status.set("Imported " + imported.id() + " from " + file + ".");
            return true;
        } catch (ProfileException e) {
            status.set("Not imported, nothing changed. " + e.problems().stream().map(ProfileProblem::toString).collect(Collectors.joining("; ")));
            return false;
        } catch (IOException e) {
            status.set("Not imported, nothing changed: " + e.getMessage());
            return false;
        }
    }

    public boolean export(Path file) {
        TierEditorViewModel e = editor.get();
        if (e == null || e.editedProperty().get() == null) {
            status.set("Not exported: the schedule has problems; fix the marked cells first.");
            return false;
        }
        try {
            store.export(e.editedProperty().get(), file);
            status.set("Exported to " + file + ".");
            return true;
        } catch (IOException ex) {
            status.set("Not exported: " + ex.getMessage());
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
            status.set("The file of " + e.idProperty().get() + " was changed outside LiqLab. Saving will replace it; reopen the profile to load the outside version.");
        }
        return changed;
    }

    private void writeDraft() {
        TierEditorViewModel e = editor.get();
        if (e == null) {
            return;
        }
        dirty = true;
        try {
            drafts.save(e.idProperty().get(), e.toDraft());
        } catch (IOException ex) {
            status.set("Could not keep a draft of your edits: " + ex.getMessage());
        }
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
