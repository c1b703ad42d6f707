"use strict";
// readout show: hover a highlight for its record, click to select it (the
// panel shows it and marks its entry), click an entry to find it in the
// text, Escape to clear, the legend's boxes to hide a layer.
(function () {
  const tip = document.getElementById("tip");
  // Which item a click on a segment selects first: the narrowest kind.
  const order = { speaker: 0, missing: 1, quote: 2, pledge: 3, counterpart: 4 };
  const typeName = { speaker: "Speaker", quote: "Quote", counterpart: "Counterpart", pledge: "Pledge", missing: "Missing from the output" };

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // card renders one item: its type, its fields (rule included) and what
  // the gold says of it.
  function card(it) {
    const c = el("div", "card");
    c.dataset.id = it.id;
    let title = typeName[it.type] || it.type;
    if (it.type === "quote") title = (it.kind === "direct" ? "Direct" : "Reported") + " quote";
    c.appendChild(el("h3", "", title + " " + it.id));
    const t = el("table");
    for (const [k, v] of it.fields) {
      const tr = el("tr");
      tr.appendChild(el("th", "", k));
      const td = el("td");
      if (k === "rule") td.appendChild(el("code", "", v)); else td.textContent = v;
      tr.appendChild(td);
      t.appendChild(tr);
    }
    c.appendChild(t);
    if (it.diff) c.appendChild(el("div", "note", it.diff + (it.note ? ": " + it.note : "")));
    return c;
  }

  for (const section of document.querySelectorAll("section.article")) {
    const data = JSON.parse(section.querySelector("script.data").textContent);
    const items = new Map(data.items.map((it) => [it.id, it]));
    const text = section.querySelector(".text");
    const panel = section.querySelector(".selected");
    const segs = Array.from(text.querySelectorAll(".seg"));
    const segsOf = new Map();
    for (const s of segs) {
      for (const id of s.dataset.ids.split(" ")) {
        if (!segsOf.has(id)) segsOf.set(id, []);
        segsOf.get(id).push(s);
      }
    }
    const itemsAt = (seg) => seg.dataset.ids.split(" ").map((id) => items.get(id)).filter(Boolean)
      .sort((a, b) => order[a.type] - order[b.type]);

    function select(id, scroll) {
      for (const s of section.querySelectorAll(".seg.sel")) s.classList.remove("sel");
      for (const li of section.querySelectorAll(".list li.sel")) li.classList.remove("sel");
      panel.replaceChildren();
      const it = items.get(id);
      if (!it) {
        panel.appendChild(el("p", "hint", "Hover over a highlight to see its record; click it (or an entry below) to select it."));
        section.dataset.selected = "";
        return;
      }
      section.dataset.selected = id;
      panel.appendChild(card(it));
      const own = segsOf.get(id) || [];
      for (const s of own) s.classList.add("sel");
      const li = section.querySelector('.list li[data-id="' + id + '"]');
      if (li) {
        li.classList.add("sel");
        if (scroll !== "text") li.scrollIntoView({ block: "nearest" });
      }
      if (scroll === "text" && own.length) own[0].scrollIntoView({ block: "center" });
    }

    text.addEventListener("click", (e) => {
      const seg = e.target.closest(".seg");
      if (!seg) return select("");
      const at = itemsAt(seg);
      // A second click on the same place goes to the next item under it.
      const cur = at.findIndex((it) => it.id === section.dataset.selected);
      select(at[(cur + 1) % at.length].id);
    });
    text.addEventListener("mouseover", (e) => {
      const seg = e.target.closest(".seg");
      if (!seg) return;
      tip.replaceChildren(...itemsAt(seg).map(card));
      tip.hidden = false;
    });
    text.addEventListener("mousemove", (e) => {
      const x = Math.min(e.clientX + 16, window.innerWidth - tip.offsetWidth - 8);
      const below = e.clientY + 20 + tip.offsetHeight < window.innerHeight;
      tip.style.left = Math.max(8, x) + "px";
      tip.style.top = (below ? e.clientY + 20 : Math.max(8, e.clientY - tip.offsetHeight - 12)) + "px";
    });
    text.addEventListener("mouseout", (e) => {
      if (!e.relatedTarget || !e.relatedTarget.closest || !e.relatedTarget.closest(".seg")) tip.hidden = true;
    });
    for (const li of section.querySelectorAll(".list li[data-id]")) {
      li.addEventListener("click", () => select(li.dataset.id, "text"));
    }
    for (const box of section.querySelectorAll(".legend input[data-layer]")) {
      box.addEventListener("change", () => text.classList.toggle("hide-" + box.dataset.layer, !box.checked));
    }
    section.readoutSelect = select;
  }
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    for (const s of document.querySelectorAll("section.article")) s.readoutSelect("");
  });
})();
