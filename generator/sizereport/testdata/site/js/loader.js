import{a as b}from"./tools.js";const m=document.querySelector("meta[name=chart-bundle]");document.addEventListener("click",()=>import(m.content));b();
