package io.liqlab.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User profiles add to or override shipped ones by id; a broken file never stops the others. */
class ProfileCatalogTest {

    private static String shipped(String id) throws Exception {
        return Files.readString(Path.of("venue-profiles", id + ".json"));
    }

    @Test
    void userProfilesOverrideShippedOnesByIdAndAddNewOnes(@TempDir Path user) throws Exception {
        Files.writeString(user.resolve("my-binance.json"), shipped("binance-usdm-btc").replace("\"Binance USD-M BTCUSDT\"", "\"Binance (mine)\""));
        Files.writeString(user.resolve("classroom.json"), shipped("textbook").replace("\"id\": \"textbook\"", "\"id\": \"classroom\""));
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), user);
        assertEquals(8, catalog.profiles().size());
        VenueProfile binance = catalog.find("binance-usdm-btc").orElseThrow();
        assertEquals("Binance (mine)", binance.name());
        assertEquals(VenueProfile.Origin.Kind.USER, binance.origin().kind());
        assertEquals(VenueProfile.Origin.Kind.USER, catalog.find("classroom").orElseThrow().origin().kind());
        assertEquals(VenueProfile.Origin.Kind.SHIPPED, catalog.find("okx-swap-btc").orElseThrow().origin().kind());
    }

    @Test
    void aBrokenUserFileIsReportedAndTheRestStillLoad(@TempDir Path user) throws Exception {
        Files.writeString(user.resolve("broken.json"), "{ this is not json");
        Files.writeString(user.resolve("bad-rate.json"), shipped("gte-btc").replace("\"id\": \"gte-btc\"", "\"id\": \"gte-edit\"")
                .replace("\"maintenanceMarginRate\": 0.01", "\"maintenanceMarginRate\": 7"));
        Files.writeString(user.resolve("good.json"), shipped("textbook").replace("\"id\": \"textbook\"", "\"id\": \"good\""));
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), user);
        assertEquals(8, catalog.profiles().size());
        assertTrue(catalog.find("good").isPresent());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.file().endsWith("broken.json") && p.message().startsWith("not valid JSON")));
        assertTrue(catalog.problems().stream().anyMatch(p -> p.file().endsWith("bad-rate.json")
                && p.path().equals("$.tiers[0].maintenanceMarginRate")));
    }

    @Test
    void duplicateIdsInOneFolderAreReported(@TempDir Path user) throws Exception {
        String a = shipped("textbook").replace("\"id\": \"textbook\"", "\"id\": \"twin\"");
        Files.writeString(user.resolve("a.json"), a);
        Files.writeString(user.resolve("b.json"), a);
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), user);
        assertTrue(catalog.problems().stream().anyMatch(p -> p.message().contains("already used by a.json")));
    }

    @Test
    void askingForAUserProfileThatDidNotLoadSaysWhyNotThatThereIsNone(@TempDir Path user) throws Exception {
        // Issue 15 item 4's file: 'calc --venue bigcap' said "no such profile; known ids: ..." as if it were not there.
        Files.writeString(user.resolve("bigcap.json"), shipped("textbook").replace("\"id\": \"textbook\"", "\"id\": \"bigcap\"")
                .replace("\"cap\": null", "\"cap\": 1" + "0".repeat(400)));
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), user);
        ProfileException e = assertThrows(ProfileException.class, () -> catalog.resolve("bigcap"));
        assertTrue(e.getMessage().contains("bigcap.json") && e.getMessage().contains("$.tiers[0].cap")
                && e.getMessage().contains("a number too large to represent") && !e.getMessage().contains("no such profile"), e.getMessage());
    }

    @Test
    void resolveReadsAFileOrNamesTheKnownIds(@TempDir Path dir) throws Exception {
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), null);
        Path file = dir.resolve("x.json");
        Files.writeString(file, shipped("textbook").replace("\"id\": \"textbook\"", "\"id\": \"from-file\""));
        assertEquals("from-file", catalog.resolve(file.toString()).id());
        ProfileException e = assertThrows(ProfileException.class, () -> catalog.resolve("nope"));
        assertTrue(e.getMessage().contains("no such profile") && e.getMessage().contains("binance-usdm-btc"));
    }

    @Test
    void userFolderFollowsTheOperatingSystem() {
        assertEquals(Path.of("/h/.config/liqlab"), UserDirectories.configDir(null, Map.of(), "Linux", "/h"));
        assertEquals(Path.of("/x/liqlab"), UserDirectories.configDir(null, Map.of("XDG_CONFIG_HOME", "/x"), "Linux", "/h"));
        assertEquals(Path.of("/h/Library/Application Support/LiqLab"), UserDirectories.configDir(null, Map.of(), "Mac OS X", "/h"));
        assertEquals(Path.of("C:/Users/a/AppData/Roaming/LiqLab"), UserDirectories.configDir(null, Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11", "C:/Users/a"));
        assertEquals(Path.of("/portable"), UserDirectories.configDir(null, Map.of("LIQLAB_HOME", "/portable"), "Linux", "/h"));
        assertEquals(Path.of("/prop"), UserDirectories.configDir("/prop", Map.of("LIQLAB_HOME", "/portable"), "Linux", "/h"));
    }
}
