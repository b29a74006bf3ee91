// Tests send traffic only to 127.0.0.1: links in test releases (huggingface.co, github.com) are not
// followed unless a test asks for it with its own opener or local endpoints.
process.env.APERTURE_NO_FOLLOW = '1';
