import{a}from"/js/tools.js";const m=document.querySelector("meta[name=chart-bundle]");import(m.content).then(x=>x.mountNow());a();
