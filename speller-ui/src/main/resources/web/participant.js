// The participant's screen: the sentence being spelled, its candidates, cues, the finished sentences, speech.
"use strict";
const PHASES = {
  "watching": "待机 · waiting",
  "calibration": "校准 · calibration",
  "training": "正在训练 · training",
  "free-spelling": "自由拼写 · free spelling",
  "cued-sentences": "句子跟读 · cued sentences",
};
const el = (id) => document.getElementById(id);
let lastSentence = -1;
let speechAvailable = false;
let userAskedForSpeech = false;

function setPhase(phase) {
  el("phase").textContent = PHASES[phase] || phase;
  document.body.dataset.phase = phase;
  if (phase !== "calibration" && phase !== "cued-sentences") showCue("");
}

// a calibration trial shows its syllable twice: at the cue to get ready, at go to say it; rest clears it
const CUE_LABELS = { "cue": "准备 · ready", "go": "请说 · say it", "sentence_start": "请说" };

function showCue(text, kind) {
  el("cue").hidden = !text;
  el("cue-text").textContent = text || "";
  el("cue").dataset.step = kind || "go"; // a page opened mid-trial shows the syllable plainly
  el("cue-label").textContent = CUE_LABELS[kind] || "请说";
}

function showCandidates(candidates) {
  const best = candidates.length ? candidates[0] : "";
  el("sentence").textContent = best;
  const list = el("candidates");
  list.replaceChildren();
  candidates.slice(0, 5).forEach((text, i) => {
    const item = document.createElement("li");
    item.textContent = text;
    if (i === 0) item.classList.add("best");
    list.appendChild(item);
  });
}

function addHistory(text) {
  const item = document.createElement("li");
  item.textContent = text || "（无）";
  el("history").prepend(item);
  while (el("history").children.length > 4) el("history").lastChild.remove();
}

function pulse(syllables, command) {
  const attempt = el("attempt");
  attempt.classList.remove("on");
  void attempt.offsetWidth; // restart the animation
  attempt.classList.add("on");
  const top = syllables.length ? syllables[0].syllable : "";
  el("syllable").textContent = command && command !== "none" ? (command === "undo" ? "↶ 撤销" : "✓ 确认") : top;
}

async function speak(index) {
  if (!speechAvailable || index < 0) return;
  try {
    const response = await fetch("/api/speech/" + index);
    if (!response.ok) throw new Error(await response.text());
    const audio = new Audio(URL.createObjectURL(await response.blob()));
    await audio.play();
  } catch (e) {
    el("speech-notice").hidden = false;
    el("speech-notice").textContent = "朗读失败 · could not read aloud: " + e.message;
  }
}

function showSpeech(available, reason) {
  speechAvailable = available;
  el("speak").disabled = !available;
  el("speech-notice").hidden = available;
  el("speech-notice").textContent = available ? "" : "朗读不可用 · speech unavailable: " + reason;
}

el("speak").addEventListener("click", () => {
  userAskedForSpeech = true;
  speak(lastSentence);
});

connectSession((event) => {
  switch (event.event) {
    case "hello": {
      const p = event.participant;
      setPhase(p.phase || "watching");
      showCue(p.cue);
      showCandidates(p.candidates || []);
      el("history").replaceChildren();
      (p.history || []).forEach(addHistory);
      lastSentence = (p.history || []).length - 1;
      showSpeech(p.speech, p.speechReason);
      break;
    }
    case "phase": setPhase(event.phase); break;
    case "cue": showCue(event.text, event.kind); break;
    case "attempt":
      pulse(event.syllables || [], event.command);
      showCandidates(event.candidates || []);
      break;
    case "revised":
      showCandidates(event.candidates || []);
      // counted for the browser tests: an undo or clear from the operator arrived
      document.body.dataset.revisions = String(Number(document.body.dataset.revisions || 0) + 1);
      break;
    case "sentence":
      addHistory(event.text);
      showCandidates([]);
      lastSentence = event.index;
      if (userAskedForSpeech) speak(event.index);
      break;
  }
});
