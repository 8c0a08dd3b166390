import"./shared.js";export function a(){return 1}
