/*
 * Gatehouse pages: the two things a server cannot do on its own. Every page works without this script; the
 * Content-Security-Policy allows this one file and no inline script.
 */
(function () {
    'use strict';

    var DEEP_LINK = '#/console?';

    /*
     * AWS-style deep links, <start URL>#/console?account_id=…&role_name=…: the fragment never reaches the server,
     * so it becomes the query /start understands. Null when the fragment is not such a link.
     */
    function deepLinkTarget() {
        if (location.hash.indexOf(DEEP_LINK) !== 0) {
            return null;
        }
        var params = new URLSearchParams(location.hash.substring(DEEP_LINK.length));
        var accountId = params.get('account_id');
        var roleName = params.get('role_name');
        if (!accountId || !/^[0-9]{12}$/.test(accountId)) {
            return null;
        }
        return '/start?account_id=' + accountId + (roleName ? '&role_name=' + encodeURIComponent(roleName) : '');
    }

    function followDeepLink() {
        var target = deepLinkTarget();
        if (target === null) {
            return false;
        }
        if (/\/start$/.test(location.pathname)) {
            location.replace(target);
            return true;
        }
        // Signed out, /start sent the browser here and the fragment came along (a redirect keeps it): sign in,
        // then go to the linked role rather than to the plain portal.
        var next = document.querySelector('form[action="/signin"] input[name="next"]');
        if (next !== null && next.value === '/start') {
            next.value = target;
        }
        return false;
    }

    /* Copy buttons: shown only where the clipboard can be written (https or localhost), else values are selected by hand. */
    function enableCopyButtons() {
        if (!navigator.clipboard || !window.isSecureContext) {
            return;
        }
        var status = document.getElementById('copy-status');
        var buttons = document.querySelectorAll('button[data-copy]');
        Array.prototype.forEach.call(buttons, function (button) {
            var source = document.getElementById(button.getAttribute('data-copy'));
            if (source === null) {
                return;
            }
            button.hidden = false;
            button.addEventListener('click', function () {
                navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                    button.textContent = 'Copied';
                    if (status !== null) {
                        status.textContent = 'Copied to the clipboard.';
                    }
                    setTimeout(function () {
                        button.textContent = 'Copy';
                    }, 2000);
                }, function () {
                    button.textContent = 'Copy failed';
                });
            });
        });
    }

    if (!followDeepLink()) {
        enableCopyButtons();
    }
}());
