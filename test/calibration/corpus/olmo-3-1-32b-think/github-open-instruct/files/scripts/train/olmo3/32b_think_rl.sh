#!/bin/bash
# Olmo 3 32B Think: RLVR stage (GRPO / OlmoRL) on the Dolci Think RL mixture,
# starting from the Think DPO checkpoint. Launched on Beaker through mason.py.

python mason.py \
    --image "$BEAKER_IMAGE" \
    --pure_docker_mode \
    -- source configs/beaker_configs/ray_node_setup.sh \&\& python open_instruct/grpo_fast.py \
    --exp_name olmo3_32b_think_rl \
    --model_name_or_path allenai/Olmo-3-32B-Think-DPO \
    --dataset_mixer_list allenai/Dolci-Think-RL-32B 1.0 \
    --apply_verifiable_reward true \
    --with_tracking
