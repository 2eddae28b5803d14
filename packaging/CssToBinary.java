/**
 * Writes a JavaFX stylesheet in JavaFX's binary form (run by build.sh with the JDK's source launcher):
 * {@code java --module-path FXMODS --add-modules javafx.graphics packaging/CssToBinary.java IN.css OUT.bss}.
 * JavaFX loads {@code name.bss} in place of {@code name.css} when both are there, so the packaged app does not
 * parse its stylesheet's text on the way to the first frame (as Modena ships as modena.bss).
 */
public final class CssToBinary {
    public static void main(String[] args) throws Exception {
        javafx.css.Stylesheet.convertToBinary(new java.io.File(args[0]), new java.io.File(args[1]));
    }
}
