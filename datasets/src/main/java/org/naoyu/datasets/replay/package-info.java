/** Replaying a recording's streams as live LSL outlets with their original timing, or faster. */
package org.naoyu.datasets.replay;
