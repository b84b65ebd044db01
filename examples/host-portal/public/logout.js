// Completes the login service's logout without a second click; the visible button is the fallback without scripts.
const button = document.getElementById('logout-continue');
if (button instanceof HTMLButtonElement) button.click();
