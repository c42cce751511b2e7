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

    /*
     * Security keys and passkeys (WebAuthn). A form marked data-webauthn-create (adding a key) or
     * data-webauthn-assert (signing in with one) carries the options as JSON, binary values in base64url. On submit
     * the browser asks for the key; the credential's JSON (PublicKeyCredential.toJSON's shape) goes into the form's
     * hidden "response" field and the form is sent. Refusals show in the form's [data-webauthn-error] element.
     */
    function base64urlToBytes(text) {
        var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
    }

    function bytesToBase64url(buffer) {
        var bytes = new Uint8Array(buffer);
        var binary = '';
        for (var i = 0; i < bytes.length; i++) {
            binary += String.fromCharCode(bytes[i]);
        }
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function credentialDescriptors(list) {
        return (list || []).map(function (descriptor) {
            return {type: descriptor.type, id: base64urlToBytes(descriptor.id)};
        });
    }

    function createCredential(json) {
        var options = JSON.parse(json);
        options.challenge = base64urlToBytes(options.challenge);
        options.user.id = base64urlToBytes(options.user.id);
        options.excludeCredentials = credentialDescriptors(options.excludeCredentials);
        return navigator.credentials.create({publicKey: options});
    }

    function getCredential(json) {
        var options = JSON.parse(json);
        options.challenge = base64urlToBytes(options.challenge);
        options.allowCredentials = credentialDescriptors(options.allowCredentials);
        return navigator.credentials.get({publicKey: options});
    }

    function credentialJson(credential) {
        var answer = credential.response;
        var response = {clientDataJSON: bytesToBase64url(answer.clientDataJSON)};
        if (answer.attestationObject) {
            response.attestationObject = bytesToBase64url(answer.attestationObject);
            response.transports = answer.getTransports ? answer.getTransports() : [];
        } else {
            response.authenticatorData = bytesToBase64url(answer.authenticatorData);
            response.signature = bytesToBase64url(answer.signature);
            response.userHandle = answer.userHandle ? bytesToBase64url(answer.userHandle) : null;
        }
        return JSON.stringify({
            id: credential.id,
            rawId: bytesToBase64url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            response: response,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
        });
    }

    function refusalText(error) {
        if (error && error.name === 'NotAllowedError') {
            return 'The browser did not use a security key: it was cancelled or took too long. Try again.';
        }
        if (error && error.name === 'InvalidStateError') {
            return 'This security key is already registered.';
        }
        return 'The security key could not be used' + (error && error.message ? ': ' + error.message : '.');
    }

    function enableWebAuthnForm(form, attribute, ask) {
        var error = form.querySelector('[data-webauthn-error]');
        var button = form.querySelector('button[type="submit"]');
        function show(message) {
            if (error !== null) {
                error.textContent = message;
                error.hidden = false;
            }
        }
        if (!window.PublicKeyCredential || !navigator.credentials || !window.isSecureContext) {
            show('This browser cannot use security keys or passkeys here.');
            if (button !== null) {
                button.disabled = true;
            }
            return;
        }
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            if (button !== null) {
                button.disabled = true;
            }
            ask(form.getAttribute(attribute)).then(function (credential) {
                form.querySelector('input[name="response"]').value = credentialJson(credential);
                form.submit();
            }, function (failure) {
                if (button !== null) {
                    button.disabled = false;
                }
                show(refusalText(failure));
            });
        });
    }

    function enableWebAuthnForms() {
        Array.prototype.forEach.call(document.querySelectorAll('form[data-webauthn-create]'), function (form) {
            enableWebAuthnForm(form, 'data-webauthn-create', createCredential);
        });
        Array.prototype.forEach.call(document.querySelectorAll('form[data-webauthn-assert]'), function (form) {
            enableWebAuthnForm(form, 'data-webauthn-assert', getCredential);
        });
    }

    if (!followDeepLink()) {
        enableCopyButtons();
    }
    enableWebAuthnForms();
}());
