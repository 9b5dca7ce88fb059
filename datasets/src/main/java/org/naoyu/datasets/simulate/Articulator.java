package org.naoyu.datasets.simulate;

/**
 * The articulator representations of the ventral sensorimotor cortex (vSMC) that the simulator drives, in their
 * dorsal-to-ventral order: Bouchard et al. 2013 (Nature 495:327) found larynx, lips, jaw, tongue and larynx again
 * from dorsal to ventral; Dichter et al. 2018 (Cell 174:21) showed the dorsal laryngeal area tracks voice pitch, which
 * Mandarin tone decoders read (Liu et al. 2023, Sci. Adv. 9:eadh0478). The tongue is split into tip, blade and body
 * because place of articulation of Mandarin initials (alveolar, retroflex, alveolo-palatal, velar) is a tongue
 * gesture at different points (Chartier et al. 2018, Neuron 98:1042).
 *
 * <p>{@code dorsoVentral} and {@code anteroPosterior} are nominal centres on a grid laid over the vSMC, both in
 * [0, 1]; the representations lie along the central sulcus, which runs from dorsal-posterior to ventral-anterior.
 */
public enum Articulator {
    LARYNX_DORSAL(0.12, 0.62, "dorsal laryngeal motor cortex: pitch"),
    LIPS(0.30, 0.55, "lips: bilabials, rounding"),
    JAW(0.44, 0.50, "jaw: vowel openness"),
    TONGUE_TIP(0.56, 0.45, "tongue tip: alveolar and dental consonants"),
    TONGUE_BLADE(0.66, 0.40, "tongue blade: retroflex and alveolo-palatal consonants, front vowels"),
    TONGUE_BODY(0.76, 0.35, "tongue body: velars, back vowels"),
    VELUM(0.84, 0.48, "velum: nasals"),
    LARYNX_VENTRAL(0.92, 0.30, "ventral larynx: voicing and aspiration");

    private final double dorsoVentral;
    private final double anteroPosterior;
    private final String role;

    Articulator(double dorsoVentral, double anteroPosterior, String role) {
        this.dorsoVentral = dorsoVentral;
        this.anteroPosterior = anteroPosterior;
        this.role = role;
    }

    double dorsoVentral() {
        return dorsoVentral;
    }

    double anteroPosterior() {
        return anteroPosterior;
    }

    /** What this representation does in the model, for documentation and reports. */
    public String role() {
        return role;
    }
}
