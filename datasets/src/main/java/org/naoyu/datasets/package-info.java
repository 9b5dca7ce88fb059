/**
 * Recordings and data: XDF, EDF/BDF, GDF and BCI2000 files, the session recorder and replay player, the ECoG speech
 * simulator and the Mandarin task corpora. Builds on the stream model of {@code org.naoyu.acquisition}.
 */
package org.naoyu.datasets;
