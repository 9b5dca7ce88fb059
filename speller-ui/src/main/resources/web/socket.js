// The session's WebSocket, reconnecting after a drop, with the operator token when one is given.
"use strict";
function connectSession(onEvent, token) {
  const status = document.getElementById("connection");
  let delay = 500;
  function open() {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
    ws.onopen = () => {
      delay = 500;
      status.textContent = "";
      status.classList.remove("lost");
      if (token) ws.send(JSON.stringify({ type: "auth", token: token }));
    };
    ws.onmessage = (message) => onEvent(JSON.parse(message.data));
    ws.onclose = () => {
      status.textContent = "connection lost, retrying…";
      status.classList.add("lost");
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    };
  }
  open();
}
