package org.naoyu.acquisition;

/**
 * Where an electrode sits, in millimetres, as in the {@code <location><X/><Y/><Z/></location>} element of the XDF
 * channel metadata conventions (RAS axes: X to the right, Y to the front, Z up; origin chosen by the montage).
 * For a flat ECoG grid, Z is 0 and X/Y are positions on the grid.
 */
public record ChannelPosition(double xMm, double yMm, double zMm) {
    public ChannelPosition {
        Checks.finite("xMm", xMm);
        Checks.finite("yMm", yMm);
        Checks.finite("zMm", zMm);
    }
}
