/**
 * Writes JavaFX stylesheets in JavaFX's binary form (run by build.sh with the JDK's source launcher, one JVM for
 * all): {@code java --module-path FXMODS --add-modules javafx.graphics packaging/CssToBinary.java IN.css OUT.bss
 * [IN.css OUT.bss ...]}. JavaFX loads {@code name.bss} in place of {@code name.css} when both are there, so the
 * packaged app does not parse its stylesheets' text on the way to the first frame (as Modena ships as modena.bss).
 */
public final class CssToBinary {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            java.io.File out = new java.io.File(args[i + 1]);
            out.getAbsoluteFile().getParentFile().mkdirs();
            javafx.css.Stylesheet.convertToBinary(new java.io.File(args[i]), out);
        }
    }
}
