/** GDF 1.x and 2.x (the General Data Format of BioSig): signals and the event table, read into a recording. */
package org.naoyu.datasets.gdf;
